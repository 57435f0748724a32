package no.fristed.facts;

import static io.restassured.RestAssured.given;
import static no.fristed.facts.FactFixtures.publish;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
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
        "ritalin, adhd-medisiner",
        "elvanse, adhd-medisiner",
        "spice, syntetiske-cannabinoider",
        "HHC, syntetiske-cannabinoider",
        "fleinsopp, psykedelika",
        "ketamin, ketamin",
        "sniffing, sniffing",
        "røyke hasj, cannabis",
        "sigg, snus-og-nikotin",
        "rivo, benzodiazepiner",
        "lean, opioider",
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
                .body("items.ageBand", everyItem(is("13-15")));
    }

    @Test
    void aPageInNoOtherLanguageIsFoundInBokmal() {
        Map<String, Object> page = FactFixtures.page("Bare på bokmål", "topic");
        page.put("body", FactFixtures.withBands("Et ord som bare finnes her: kvasselunk."));
        String slug = publish(page);
        given().queryParam("q", "kvasselunk").queryParam("lang", "en").get("/api/v1/facts/search").then()
                .statusCode(200)
                .body("items[0].slug", is(slug))
                .body("items[0].lang", is("nb"));
    }

    @Test
    void withoutAnAgeSearchShowsTheBandReadingShowsWithoutAnAge() {
        Map<String, Object> page = FactFixtures.page("Søketest", "topic");
        page.put("body", FactFixtures.withBands("Felles tekst om testium.")
                .replace(FactFixtures.ADULT_TEXT, FactFixtures.ADULT_TEXT + " Om dosering av blorfium."));
        String slug = publish(page);
        given().queryParam("q", "testium blorfium").get("/api/v1/facts/search").then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.ageBand", is("13-15"))
                .body("items.find { it.slug == '" + slug + "' }.highlight", not(containsString("blorfium")));
        given().queryParam("q", "blorfium").queryParam("ageBand", "18-25").get("/api/v1/facts/search").then()
                .body("items[0].slug", is(slug)).body("items[0].highlight", containsString("<mark>blorfium</mark>"));
    }

    @Test
    void searchingTheShippedPagesWithoutAnAgeGivesEachPageInTheBandReadingGives() {
        List<Map<String, Object>> items = given().queryParam("q", "dose mdma").get("/api/v1/facts/search").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertFalse(items.isEmpty());
        for (Map<String, Object> item : items) {
            String read = given().queryParam("lang", item.get("lang")).get("/api/v1/facts/" + item.get("slug")).then()
                    .statusCode(200).extract().path("ageBand");
            assertEquals(read, item.get("ageBand"), item.get("slug") + " searched in another band than read");
        }
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
        "piller   | benzodiazepiner mdma opioider adhd-medisiner",
        "strek    | amfetamin kokain",
        "THC-vape | cannabis syntetiske-cannabinoider",
    })
    void anAmbiguousWordFindsEveryShippedPageItMayMean(String query, String slugs) {
        List<String> found = given().queryParam("q", query).get("/api/v1/facts/search").then().statusCode(200)
                .extract().jsonPath().getList("items.slug");
        assertTrue(found.containsAll(List.of(slugs.split(" "))), query + " found " + found);
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
