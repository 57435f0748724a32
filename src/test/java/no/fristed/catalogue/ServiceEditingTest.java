package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ServiceEditingTest {

    static final String EDITOR = TestTokens.staff("editor-anne", "editor");
    static final String REVIEWER = TestTokens.staff("editor-bob", "editor");

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A second editor approves the change a proposal answered with. */
    static void approve(io.restassured.response.ValidatableResponse proposal) {
        String change = proposal.statusCode(202).extract().path("id");
        as(REVIEWER).post("/api/v1/editor/service-changes/" + change + "/approve").then().statusCode(200)
                .body("status", is("approved"));
    }

    /** Creates a service the way editors do: one proposes, another approves. */
    static void createLive(Map<String, Object> service) {
        approve(as(EDITOR).body(service).post("/api/v1/services").then());
    }

    /** A minimal valid service in Tromsø; each test uses its own id so tests stay independent. */
    static Map<String, Object> service(String id, String name, double latitude, double longitude) {
        return Map.ofEntries(
                Map.entry("id", id),
                Map.entry("organization", Map.of("id", "test-org", "name", "Testorganisasjon")),
                Map.entry("name", name),
                Map.entry("description", "Et tilbud laget av en test."),
                Map.entry("topics", List.of("cannabis")),
                Map.entry("anonymous", "yes"),
                Map.entry("track", "voluntary-help"),
                Map.entry("whatHappens", "Ingenting blir sendt videre."),
                Map.entry("channels", List.of(Map.of("type", "phone", "value", "12 34 56 78"))),
                Map.entry("municipalities", List.of("Tromsø")),
                Map.entry("eligibility", Map.of("minAge", 13, "maxAge", 25)),
                Map.entry("locations", List.of(Map.of("id", id + "-place", "name", name, "municipality", "Tromsø",
                        "latitude", latitude, "longitude", longitude))));
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aNewServiceIsFoundOnlyOnceASecondEditorHasApprovedIt() {
        String id = uniqueId("ny");
        var proposal = as(EDITOR).body(service(id, "Nytt tilbud", 69.65, 18.95)).post("/api/v1/services")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/editor/service-changes/"))
                .body("serviceId", is(id))
                .body("kind", is("create"))
                .body("status", is("in-review"))
                .body("author", is("editor-anne"));
        given().get("/api/v1/services/" + id).then().statusCode(404);
        given().get("/api/v1/services?municipality=Tromsø&size=100").then().body("items.id", not(hasItem(id)));

        approve(proposal);
        given().get("/api/v1/services/" + id).then().statusCode(200).body("name", is("Nytt tilbud"));
        given().get("/api/v1/services?municipality=Tromsø&size=100").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void nearMeSortsByDistanceWithUnlocatedNationalServicesLast() {
        String near = uniqueId("naer");
        String middle = uniqueId("midt");
        String far = uniqueId("fjern");
        createLive(service(far, "Langt unna", 69.75, 19.20));
        createLive(service(near, "Rett ved", 69.6495, 18.9560));
        createLive(service(middle, "Litt unna", 69.68, 18.99));

        List<String> ids = given().get("/api/v1/services?lat=69.6492&lon=18.9553&municipality=Tromsø&size=100")
                .then().statusCode(200)
                .body("items[0].distanceKm", notNullValue())
                .body("items[-1].national", is(true))
                .extract().jsonPath().getList("items.id", String.class);
        List<String> ours = ids.stream().filter(i -> Stream.of(near, middle, far).anyMatch(i::equals)).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(near, middle, far), ours);
    }

    @Test
    void servicesWithoutAnAddressGetAnApproximateDistanceToTheirMunicipality() {
        given().get("/api/v1/services?lat=60.39&lon=5.32&q=URO").then().statusCode(200)
                .body("items.find { it.id == 'uro-bergen' }.distanceApproximate", is(true))
                .body("items.find { it.id == 'uro-bergen' }.distanceKm", lessThan(1f));
    }

    @Test
    void aReplacementAndARetirementTakeEffectOnlyWhenApproved() {
        String id = uniqueId("endres");
        createLive(service(id, "Før", 69.65, 18.95));
        Map<String, Object> changed = new java.util.HashMap<>(service(id, "Etter", 69.65, 18.95));
        changed.put("anonymous", "partly");
        var replacement = as(EDITOR).body(changed).put("/api/v1/services/" + id).then().statusCode(202)
                .body("kind", is("replace"))
                .body("document.name", is("Etter"));
        given().get("/api/v1/services/" + id).then().statusCode(200).body("name", is("Før"));
        approve(replacement);
        given().get("/api/v1/services/" + id).then().statusCode(200).body("anonymous", is("partly"))
                .body("name", is("Etter"));

        var retirement = as(EDITOR).delete("/api/v1/services/" + id).then().statusCode(202).body("kind", is("retire"));
        given().get("/api/v1/services/" + id).then().statusCode(200);
        approve(retirement);
        given().get("/api/v1/services/" + id).then().statusCode(404);
        given().get("/api/v1/services?municipality=Tromsø&size=100").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void changedOpeningHoursShowInTheNextSearchAtOnce() {
        String id = uniqueId("timer");
        Map<String, Object> roundTheClock = new java.util.HashMap<>(service(id, "Døgnåpent", 69.65, 18.95));
        roundTheClock.put("schedules", List.of(Map.of("byday", List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
                "opensAt", "00:00", "closesAt", "00:00", "openOnHolidays", true)));
        createLive(roundTheClock);
        String openNow = "/api/v1/services?municipality=Tromsø&openNow=true&size=100";
        given().get(openNow).then().statusCode(200).body("items.id", hasItem(id));

        approve(as(EDITOR).body(service(id, "Døgnåpent", 69.65, 18.95)).put("/api/v1/services/" + id).then());
        given().get(openNow).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().get("/api/v1/services/" + id).then().statusCode(200).body("availability.openNow", nullValue());
    }

    @Test
    void creatingAnExistingIdIsAConflict() {
        as(EDITOR).body(service("uro-bergen", "Kopi", 60.0, 5.0)).post("/api/v1/services")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void updatingWithAnotherIdInTheBodyIsRejected() {
        as(EDITOR).body(service("something-else", "X", 60.0, 5.0)).put("/api/v1/services/uro-bergen")
                .then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void updatingAnUnknownServiceIsNotFound() {
        as(EDITOR).body(service("finnes-ikke", "X", 60.0, 5.0)).put("/api/v1/services/finnes-ikke")
                .then().statusCode(404).contentType("application/problem+json");
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("name", null, "name"),
                Arguments.of("topics", List.of("astrologi"), "topics"),
                Arguments.of("anonymous", "maybe", "anonymous"),
                Arguments.of("eligibility", Map.of("minAge", 20, "maxAge", 15), "eligibility.maxAge"),
                Arguments.of("eligibility", Map.of("minAge", 400), "eligibility.minAge"),
                Arguments.of("municipalities", List.of("Atlantis"), "municipalities"),
                Arguments.of("channels", List.of(), "channels"),
                Arguments.of("id", "Not Valid!", "id"),
                Arguments.of("unknownField", "x", "unknownField"),
                Arguments.of("url", "http://uro.example.no", "url"),
                Arguments.of("url", "javascript:alert(1)", "url"),
                Arguments.of("url", "uro.example.no", "url"),
                Arguments.of("organization", Map.of("id", "test-org", "name", "T", "website", "ftp://t.example.no"),
                        "organization.website"),
                Arguments.of("channels", List.of(Map.of("type", "web", "value", "data:text/html,hei")), "channels[0].value"),
                Arguments.of("channels", List.of(Map.of("type", "phone", "value", "intent://call")), "channels[0].value"));
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @MethodSource("invalidDocuments")
    void invalidDocumentsAreProblemDetailsNamingTheField(String key, Object value, String field) {
        Map<String, Object> body = new java.util.HashMap<>(service(uniqueId("feil"), "Feil", 69.0, 18.0));
        body.put(key, value);
        as(EDITOR).body(body).post("/api/v1/services")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")))
                .body(containsString(field));
    }

    @Test
    void safeLinkSchemesAreAccepted() {
        Map<String, Object> body = new java.util.HashMap<>(service(uniqueId("lenker"), "Lenker", 69.0, 18.0));
        body.put("url", "https://uro.example.no/ungdom");
        body.put("channels", List.of(Map.of("type", "phone", "value", "tel:+4712345678"),
                Map.of("type", "sms", "value", "sms:+4712345678"), Map.of("type", "email", "value", "mailto:post@uro.example.no"),
                Map.of("type", "web", "value", "Søk opp tilbudet på nettet")));
        as(EDITOR).body(body).post("/api/v1/services").then().statusCode(202);
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() {
        as(EDITOR).body("{\"id\": ").post("/api/v1/services")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void searchListsOnlyActiveServices() {
        given().get("/api/v1/services?size=100").then().statusCode(200).body("items.status", everyItem(is("active")));
    }
}
