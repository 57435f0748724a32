package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** End dates, old sources, areas below municipality level and the duty to inform barnevern, as the app sees them. */
@QuarkusTest
class CatalogueCoverageTest {

    private static final String EDITOR = TestTokens.staff("editor-cora", "editor");

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(EDITOR).contentType(ContentType.JSON);
    }

    private static Map<String, Object> service(String id) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", id);
        doc.put("organization", Map.of("id", "test-org", "name", "Testorganisasjon"));
        doc.put("name", "Dekningstest " + id);
        doc.put("description", "Et tilbud laget av en test.");
        doc.put("topics", List.of("cannabis"));
        doc.put("anonymous", "yes");
        doc.put("track", "voluntary-help");
        doc.put("whatHappens", "Ingenting blir sendt videre.");
        doc.put("channels", List.of(Map.of("type", "web", "value", "https://example.org")));
        doc.put("municipalities", List.of("Vardø"));
        return doc;
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Oslo"));
    }

    @Test
    void aServicePastItsEndDateIsNoLongerShown() {
        String ended = uniqueId("slutt");
        String running = uniqueId("varer");
        Map<String, Object> endedDoc = service(ended);
        endedDoc.put("endDate", today().minusDays(1).toString());
        Map<String, Object> runningDoc = service(running);
        runningDoc.put("endDate", today().toString());
        ServiceEditingTest.createLive(endedDoc);
        ServiceEditingTest.createLive(runningDoc);

        given().queryParam("municipality", "Vardø").queryParam("size", 100).get("/api/v1/services").then()
                .statusCode(200)
                .body("items.id", not(hasItem(ended)))
                .body("items.id", hasItem(running))
                .body("items.find { it.id == '" + running + "' }.endDate", is(today().toString()));
        given().get("/api/v1/services/" + ended).then().statusCode(404);
        given().get("/api/v1/services/" + running).then().statusCode(200);
    }

    @Test
    void anEntryRestingOnASourceFrom2009IsFlaggedUntilAnEditorVerifiesIt() {
        given().get("/api/v1/services/hasjavvenning-trondheim").then().statusCode(200)
                .body("oldSource", is(true))
                .body("sourceDate", is("2009-12-31"));
        given().get("/api/v1/services/uro-bergen").then().statusCode(200).body("oldSource", is(false));

        String id = uniqueId("gammel");
        Map<String, Object> doc = service(id);
        doc.put("sourceDate", "2009-06-01");
        ServiceEditingTest.createLive(doc);
        given().get("/api/v1/services/" + id).then().body("oldSource", is(true));
        asEditor().post("/api/v1/editor/services/" + id + "/verified").then().statusCode(200);
        given().get("/api/v1/services/" + id).then().body("oldSource", is(false));
    }

    @Test
    void aServiceForSomeDistrictsOnlySaysWhichOnes() {
        given().get("/api/v1/services/rask-psykisk-helsehjelp-bergen").then().statusCode(200)
                .body("municipalities", is(List.of("Bergen")))
                .body("districts", containsInAnyOrder("Bergenhus", "Årstad", "Åsane", "Arna"))
                .body("description", containsString("under oppbygging"));
    }

    @Test
    void publicServicesShowTheirDutyToInformBarnevern() {
        for (String id : List.of("familievernet", "fastlege", "bup-bergen", "helsestasjon-for-ungdom", "barneverntjenesten")) {
            given().get("/api/v1/services/" + id).then().statusCode(200).body("dutyToInformBarnevern", is(true));
        }
        given().get("/api/v1/services/familievernet").then().body("track", is("voluntary-help"));
    }

    @Test
    void theSeedHasNoPlaceholderChannelsAndNamesNoFileOutsideTheRepository() {
        List<Map<String, Object>> items = given().queryParam("size", 100).get("/api/v1/services").then()
                .statusCode(200).extract().jsonPath().getList("items");
        for (Map<String, Object> item : items) {
            String source = String.valueOf(item.get("source"));
            org.junit.jupiter.api.Assertions.assertFalse(source.contains("shared/"), item.get("id") + ": " + source);
            org.junit.jupiter.api.Assertions.assertFalse(String.valueOf(item.get("channels")).contains("Søk opp"),
                    item.get("id") + " has a placeholder channel");
        }
    }

    @Test
    void inconsistentCoverageDistrictsAndDutyAreRejectedNamingTheField() {
        Map<String, Object> everywhereAndListed = service(uniqueId("overalt"));
        everywhereAndListed.put("coverage", "every-municipality");
        everywhereAndListed.put("localAccess", "Spør på skolen.");
        rejected(everywhereAndListed, "coverage");

        Map<String, Object> everywhereWithoutHow = service(uniqueId("overalt"));
        everywhereWithoutHow.remove("municipalities");
        everywhereWithoutHow.put("coverage", "every-municipality");
        rejected(everywhereWithoutHow, "localAccess");

        Map<String, Object> districtsOfTwo = service(uniqueId("bydel"));
        districtsOfTwo.put("municipalities", List.of("Bergen", "Oslo"));
        districtsOfTwo.put("districts", List.of("Årstad"));
        rejected(districtsOfTwo, "districts");

        Map<String, Object> reportingWithoutDuty = service(uniqueId("melder"));
        reportingWithoutDuty.put("track", "may-report");
        reportingWithoutDuty.put("dutyToInformBarnevern", false);
        rejected(reportingWithoutDuty, "dutyToInformBarnevern");

        Map<String, Object> unknownCoverage = service(uniqueId("ukjent"));
        unknownCoverage.put("coverage", "somewhere");
        rejected(unknownCoverage, "coverage");
    }

    private static void rejected(Map<String, Object> doc, String field) {
        asEditor().body(doc).post("/api/v1/services").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
