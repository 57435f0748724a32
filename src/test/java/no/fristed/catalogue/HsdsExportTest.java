package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HsdsExportTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void exportsActiveServicesInTheHsdsPageEnvelopeWithUuidIds() {
        given().get("/api/v1/hsds/services?per_page=500").then().statusCode(200)
                .body("total_items", greaterThan(30))
                .body("page_number", is(1))
                .body("first_page", is(true))
                .body("contents.id", everyItem(matchesPattern(UUID)))
                .body("contents.status", everyItem(is("active")))
                .body("contents.organization.name", hasItem("Helse Bergen HF"));
    }

    @Test
    void aServiceCarriesPhonesSchedulesAreasAndTheYouthProfileAsAttributes() {
        String uro = "contents.find { it.name.startsWith('URO') }";
        given().get("/api/v1/hsds/services?per_page=500").then().statusCode(200)
                .body(uro + ".phones[0].number", is("415 24 141"))
                .body(uro + ".phones[0].type", is("voice"))
                .body(uro + ".schedules[0].freq", is("WEEKLY"))
                .body(uro + ".schedules[0].byday", is("MO,TU,WE,TH,FR"))
                .body(uro + ".schedules[0].opens_at", is("08:00"))
                .body(uro + ".schedules[0].timezone", is("Europe/Oslo"))
                .body(uro + ".minimum_age", is(15))
                .body(uro + ".service_areas[0].name", is("Bergen"))
                .body(uro + ".attributes.find { it.taxonomy_term.code == 'track' }.value", is("voluntary-help"))
                .body(uro + ".attributes.find { it.taxonomy_term.code == 'fristedId' }.value", is("uro-bergen"));
    }

    @Test
    void idsAreStableAcrossExports() {
        String first = given().get("/api/v1/hsds/services?per_page=1").then().extract().path("contents[0].id");
        given().get("/api/v1/hsds/services?per_page=1").then().body("contents[0].id", is(first));
    }
}
