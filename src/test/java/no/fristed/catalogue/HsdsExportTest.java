package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import no.fristed.testing.JsonSchemas;
import no.fristed.testing.MutableClock;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every response here is also checked against Open Referral's schemas by the test contract filter. */
@QuarkusTest
class HsdsExportTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String URO = "contents.find { it.name.startsWith('URO') }";

    private static String uroId() {
        return given().get("/api/v1/hsds/services?per_page=500").then().statusCode(200).extract().path(URO + ".id");
    }

    @Test
    void theRootNamesTheHsdsVersionAndProfile() {
        given().get("/api/v1/hsds").then().statusCode(200)
                .body("version", is("3.0"))
                .body("profile", matchesPattern("https://.+"))
                .body("openapi_url", matchesPattern("http.+/openapi"));
    }

    @Test
    void servicesComeInThePageEnvelopeWithOneToOneFieldsUnlessFullIsAsked() {
        given().get("/api/v1/hsds/services?per_page=500").then().statusCode(200)
                .body("total_items", greaterThan(30))
                .body("page_number", is(1))
                .body("first_page", is(true))
                .body("last_page", is(true))
                .body("contents.id", everyItem(matchesPattern(UUID)))
                .body("contents.status", everyItem(is("active")))
                .body("contents.organization.name", hasItem("Helse Bergen HF"))
                .body("contents.organization.description", everyItem(notNullValue()))
                .body(URO + ".phones", nullValue());
        given().get("/api/v1/hsds/services?per_page=500&full=true").then().statusCode(200)
                .body(URO + ".phones[0].number", is("415 24 141"));
    }

    @Test
    void pagesSplitTheCatalogue() {
        given().get("/api/v1/hsds/services?per_page=5&page=2").then().statusCode(200)
                .body("page_number", is(2))
                .body("size", is(5))
                .body("contents", hasSize(5))
                .body("first_page", is(false))
                .body("last_page", is(false));
    }

    @Test
    void oneServiceCarriesPhonesSchedulesAreasAndTheYouthProfileAsAttributes() {
        given().get("/api/v1/hsds/services/" + uroId()).then().statusCode(200)
                .body("phones[0].number", is("415 24 141"))
                .body("phones[0].type", is("voice"))
                .body("schedules[0].freq", is("WEEKLY"))
                .body("schedules[0].byday", is("MO,TU,WE,TH,FR"))
                .body("schedules[0].opens_at", is("08:00"))
                .body("schedules[0].timezone", org.hamcrest.Matchers.oneOf(1, 2))
                .body("minimum_age", is(15))
                .body("service_areas[0].name", is("Bergen"))
                .body("attributes.find { it.taxonomy_term.code == 'track' }.value", is("voluntary-help"))
                .body("attributes.find { it.taxonomy_term.code == 'fristedId' }.value", is("uro-bergen"))
                .body("attributes.taxonomy_term.description", everyItem(notNullValue()));
    }

    @Test
    void unknownIdsAreProblemsNotServerErrors() {
        given().get("/api/v1/hsds/services/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/hsds/organizations/no-such-organization").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badPagingAndDatesAreProblemsNamingTheParameter() {
        given().get("/api/v1/hsds/services?page=0").then().statusCode(400).body("errors.field", hasItem("page"));
        given().get("/api/v1/hsds/services?per_page=501").then().statusCode(400).body("errors.field", hasItem("per_page"));
        given().get("/api/v1/hsds/service_at_locations?modified_after=yesterday").then().statusCode(400)
                .body("errors.field", hasItem("modified_after"));
    }

    @Inject
    MutableClock clock;

    @Test
    void modifiedAfterListsOnlyWhatChangedSince() {
        Instant since = clock.instant().plusSeconds(1);
        clock.set(since.plusSeconds(1));
        given().get("/api/v1/hsds/services?modified_after=2000-01-01").then().statusCode(200)
                .body("total_items", greaterThan(30));
        given().get("/api/v1/hsds/services?modified_after=2999-01-01").then().statusCode(200)
                .body("contents", empty()).body("empty", is(true));

        try {
            given().auth().oauth2(TestTokens.staff("editor-hsds", "editor")).post("/api/v1/editor/services/rusinfo/verified")
                    .then().statusCode(200);
            given().get("/api/v1/hsds/services?modified_after=" + since).then().statusCode(200)
                    .body("contents.name", hasItem("RUSinfo"))
                    .body("contents.name", not(hasItem(org.hamcrest.Matchers.startsWith("URO"))));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aTaxonomyTermFindsTheServicesFiledUnderIt() {
        String cannabis = given().get("/api/v1/hsds/taxonomy_terms?per_page=500").then().statusCode(200)
                .body("contents.description", everyItem(notNullValue()))
                .extract().path("contents.find { it.taxonomy == 'fristed-topics' && it.code == 'cannabis' }.id");
        int all = given().get("/api/v1/hsds/services?per_page=500").then().extract().path("total_items");
        List<List<String>> termIds = given().get("/api/v1/hsds/services?per_page=500&full=true&taxonomy_term_id=" + cannabis)
                .then().statusCode(200).body("contents", not(empty()))
                .extract().path("contents.attributes.taxonomy_term_id");
        termIds.forEach(ids -> assertFalse(!ids.contains(cannabis), "every service found has the term"));
        int found = given().get("/api/v1/hsds/services?taxonomy_term_id=" + cannabis).then().extract().path("total_items");
        assertEquals(termIds.size(), found);
        org.junit.jupiter.api.Assertions.assertTrue(found < all);
    }

    @Test
    void organizationsAreListedAndEachShowsItsServices() {
        String id = given().get("/api/v1/hsds/organizations?per_page=500").then().statusCode(200)
                .body("contents.name", hasItem("Helse Bergen HF"))
                .body("contents.description", everyItem(notNullValue()))
                .extract().path("contents.find { it.name == 'Helse Bergen HF' }.id");
        given().get("/api/v1/hsds/organizations/" + id).then().statusCode(200)
                .body("name", is("Helse Bergen HF"))
                .body("services.name", hasItem(org.hamcrest.Matchers.startsWith("URO")));
    }

    @Test
    void taxonomiesAndTheirTermsExplainTheYouthProfile() {
        String youth = given().get("/api/v1/hsds/taxonomies").then().statusCode(200)
                .body("contents.name", is(List.of("fristed-youth", "fristed-topics")))
                .extract().path("contents[0].id");
        given().get("/api/v1/hsds/taxonomy_terms?per_page=500&taxonomy_id=" + youth).then().statusCode(200)
                .body("contents.taxonomy", everyItem(is("fristed-youth")))
                .body("contents.code", hasItem("anonymous"))
                .body("contents.code", hasItem("channel:phone"));
    }

    @Test
    void servicesAtLocationsCarryThePlaceAndTheService() {
        given().get("/api/v1/hsds/service_at_locations?per_page=500").then().statusCode(200)
                .body("total_items", greaterThan(0))
                .body("contents.location.location_type", everyItem(is("physical")))
                .body("contents.service.name", everyItem(notNullValue()));
    }

    @Test
    void idsAreStableAcrossExports() {
        String first = given().get("/api/v1/hsds/services?per_page=1").then().extract().path("contents[0].id");
        given().get("/api/v1/hsds/services?per_page=1").then().body("contents[0].id", is(first));
    }

    @Test
    void theSchemaCheckItselfCatchesWhatHsdsForbids() throws Exception {
        var service = new ObjectMapper().readTree("{\"id\": \"not-a-uuid\", \"name\": \"X\", \"status\": \"open\","
                + " \"schedules\": [{\"id\": \"" + java.util.UUID.randomUUID() + "\", \"timezone\": \"Europe/Oslo\"}]}");
        List<String> errors = JsonSchemas.errors("classpath:hsds-3/compiled/service.json", service);
        assertFalse(errors.isEmpty());
        org.junit.jupiter.api.Assertions.assertTrue(errors.stream().anyMatch(e -> e.contains("timezone")), errors::toString);
    }
}
