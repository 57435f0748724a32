package no.fristed.facts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class FactSearchTest {

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource({
        "weed, cannabis",
        "hasj, cannabis",
        "kanabis, cannabis",
        "xanny, benzodiazepiner",
        "molly, mdma",
        "speed, amfetamin",
        "kola, kokain",
        "e-sigarett, snus-og-nikotin",
        "ecstasy, mdma",
        "bekymret for venn, bekymret-for-en-venn",
    })
    void theWordsYoungPeopleUseFindTheRightPageFirst(String query, String slug) {
        given().queryParam("q", query).queryParam("ageBand", "16-17")
                .get("/api/v1/facts/search").then().statusCode(200)
                .body("items[0].slug", is(slug));
    }

    @Test
    void resultsHighlightTheMatchSafely() {
        given().queryParam("q", "weed").get("/api/v1/facts/search").then().statusCode(200)
                .body("items[0].highlight", containsString("<mark>"));
    }

    @Test
    void resultsAreInTheReadersLanguageAndAgeBand() {
        given().queryParam("q", "weed").queryParam("lang", "en").queryParam("age", 14)
                .get("/api/v1/facts/search").then().statusCode(200)
                .body("items[0].slug", is("cannabis"))
                .body("items[0].lang", is("en"))
                .body("items[0].title", containsString("hash"))
                .body("items.find { it.slug == 'psykisk-helse-og-rus' }.lang", is("nb"))
                .body("items.ageBand", everyItem(is("13-15")));
    }

    @Test
    void aPageInNoOtherLanguageIsFoundInBokmal() {
        given().queryParam("q", "barnevernet").queryParam("lang", "en").get("/api/v1/facts/search").then()
                .statusCode(200)
                .body("items[0].slug", is("hva-gjor-barnevernet"))
                .body("items[0].lang", is("nb"));
    }

    @Test
    void anEmptyOrOverlongQueryIsAProblem() {
        given().get("/api/v1/facts/search").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("q", "x".repeat(201)).get("/api/v1/facts/search").then().statusCode(400);
        given().queryParam("q", "weed").queryParam("ageBand", "9-12").get("/api/v1/facts/search").then()
                .statusCode(400).body("errors[0].field", is("ageBand"));
    }

    @Test
    void nonsenseFindsNothingRatherThanFailing() {
        given().queryParam("q", "qqqqzzzz \"(*&^").get("/api/v1/facts/search").then().statusCode(200)
                .body("items.size()", is(0));
    }
}
