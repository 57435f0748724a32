package no.fristed.facts;

import static io.restassured.RestAssured.given;
import static no.fristed.facts.FactFixtures.ADULT_TEXT;
import static no.fristed.facts.FactFixtures.YOUNG_TEEN_TEXT;
import static no.fristed.facts.FactFixtures.publish;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FactReadingTest {

    /** A published page with its own text per band, so these tests do not depend on the shipped pages' wording. */
    private static String page;

    @BeforeEach
    void publishAPageWithBandText() {
        if (page == null) {
            page = publish(FactFixtures.page("Lesetest", "substance"));
        }
    }

    @Test
    void aFourteenYearOldGetsTheThirteenToFifteenVariant() {
        given().queryParam("age", 14).get("/api/v1/facts/" + page).then().statusCode(200)
                .body("ageBand", is("13-15"))
                .body("markdown", containsString(YOUNG_TEEN_TEXT))
                .body("markdown", not(containsString(ADULT_TEXT)))
                .body("html", containsString("<h2>"));
    }

    @Test
    void aYoungAdultGetsTheirOwnSections() {
        given().queryParam("ageBand", "18-25").get("/api/v1/facts/" + page).then().statusCode(200)
                .body("markdown", containsString(ADULT_TEXT))
                .body("markdown", not(containsString(YOUNG_TEEN_TEXT)));
    }

    @Test
    void withoutAnAgeTheYoungestVariantIsShown() {
        given().get("/api/v1/facts/" + page).then().statusCode(200).body("ageBand", is("13-15"));
        given().get("/api/v1/facts/alkohol").then().statusCode(200).body("ageBand", is("13-15"));
    }

    @Test
    void theSharedEmergencyBlockIsShownInPlaceInEveryBandWithItsSources() {
        String snippet = snippetHeading("nb");
        for (String band : List.of("13-15", "16-17", "18-25")) {
            given().queryParam("ageBand", band).get("/api/v1/facts/" + page).then().statusCode(200)
                    .body("markdown", containsString(snippet))
                    .body("markdown", not(containsString("include:")))
                    .body("html", not(containsString("include:")))
                    .body("sources.url", hasItem("https://www.helsenorge.no"))
                    .body("sources.url", hasItem("https://www.helsenorge.no/forstehjelp/forstehjelp-ved-bevisstloshet"));
        }
        given().queryParam("q", "sideleie").get("/api/v1/facts/search").then().statusCode(200)
                .body("items.slug", hasItem(page));
    }

    @Test
    void everyShippedSubstancePageShowsTheEmergencyBlockInItsLanguage() {
        for (String lang : FactRules.LANGUAGES) {
            List<Map<String, Object>> pages = given().queryParam("lang", lang).get("/api/v1/facts/bundle").then()
                    .statusCode(200).extract().jsonPath().getList("pages");
            for (Map<String, Object> shipped : pages) {
                if (!"substance".equals(shipped.get("kind")) || !lang.equals(shipped.get("lang"))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> variants = (List<Map<String, Object>>) shipped.get("variants");
                for (Map<String, Object> variant : variants) {
                    String markdown = (String) variant.get("markdown");
                    assertTrue(markdown.contains(snippetHeading(lang)) || markdown.contains(giftinfoHeading(lang)),
                            shipped.get("slug") + "." + lang + " " + variant.get("ageBand") + " lacks the emergency block");
                    assertTrue(markdown.contains("113"), shipped.get("slug") + " must say when to call 113");
                }
            }
        }
    }

    private static String snippetHeading(String lang) {
        return firstLine("content/snippets/akutt." + lang + ".md");
    }

    private static String giftinfoHeading(String lang) {
        return firstLine("content/snippets/giftinfo." + lang + ".md");
    }

    /** The first line of a snippet's text (after its front matter). */
    private static String firstLine(String file) {
        try {
            String text = Files.readString(Path.of(file));
            return text.substring(text.indexOf("\n---", 3) + 4).strip().lines().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUnknownLanguageFallsBackToBokmal() {
        given().header("Accept-Language", "de-DE").get("/api/v1/facts/cannabis").then().statusCode(200)
                .body("lang", is("nb"));
        given().queryParam("lang", "xx").get("/api/v1/facts/cannabis").then().statusCode(200).body("lang", is("nb"));
    }

    @Test
    void englishIsServedWhenAskedForAndMissingPagesFallBack() {
        given().header("Accept-Language", "en-GB,en;q=0.9").get("/api/v1/facts/cannabis").then().statusCode(200)
                .body("lang", is("en"));
        given().header("Accept-Language", "en").get("/api/v1/facts/" + page).then().statusCode(200)
                .body("lang", is("nb"));
    }

    @Test
    void everyPageCitesSourcesAndSaysWhetherItWasReviewed() {
        given().get("/api/v1/facts").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(18))
                .body("find { it.slug == 'cannabis' }.sources[0].url", containsString("https://"))
                .body("reviewed", everyItem(notNullValue()))
                .body("find { it.slug == '" + page + "' }.reviewed", is(false));
    }

    @Test
    void listsCanBeFilteredByKindAndTopic() {
        given().queryParam("kind", "topic").get("/api/v1/facts").then().statusCode(200)
                .body("slug", hasItem("hva-skjer-med-det-du-forteller-oss"))
                .body("slug", not(hasItem("cannabis")));
        given().queryParam("topic", "cannabis").get("/api/v1/facts").then().statusCode(200)
                .body("slug", hasItem("cannabis"));
    }

    @Test
    void anUnchangedPageAnswers304ToItsETag() {
        String etag = given().queryParam("age", 14).get("/api/v1/facts/cannabis").then().statusCode(200)
                .header("Cache-Control", containsString("max-age")).extract().header("ETag");
        given().queryParam("age", 14).header("If-None-Match", etag).get("/api/v1/facts/cannabis").then().statusCode(304);
        given().queryParam("age", 17).header("If-None-Match", etag).get("/api/v1/facts/cannabis").then().statusCode(200);
    }

    @Test
    void unknownPagesAndBadAgeBandsAreProblems() {
        given().get("/api/v1/facts/finnes-ikke").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("ageBand", "old").get("/api/v1/facts/cannabis").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theBundleHoldsExactlyWhatTheIndividualPagesServe() {
        JsonPath bundle = given().queryParam("lang", "nb").get("/api/v1/facts/bundle").then().statusCode(200)
                .body("count", greaterThanOrEqualTo(18)).extract().jsonPath();
        List<Map<String, Object>> pages = bundle.getList("pages");
        for (Map<String, Object> page : pages) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> variants = (List<Map<String, Object>>) page.get("variants");
            assertTrue(!variants.isEmpty());
            for (Map<String, Object> variant : variants) {
                Map<String, Object> single = given().queryParam("lang", "nb").queryParam("ageBand", variant.get("ageBand"))
                        .get("/api/v1/facts/" + page.get("slug")).then().statusCode(200).extract().jsonPath().getMap("$");
                assertEquals(variant.get("html"), single.get("html"));
                assertEquals(variant.get("markdown"), single.get("markdown"));
                assertEquals(page.get("title"), single.get("title"));
                assertEquals(page.get("version"), single.get("version"));
                assertEquals(page.get("sources"), single.get("sources"));
            }
        }
    }

    @Test
    void theBundleIsCompressedAndCacheable() {
        String etag = given().header("Accept-Encoding", "gzip").get("/api/v1/facts/bundle?lang=nb").then()
                .statusCode(200).header("Content-Encoding", "gzip").extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/facts/bundle?lang=nb").then().statusCode(304);
    }

    @Test
    void rawHtmlInMarkdownIsEscaped() {
        String html = FactRenderer.html("Hei <script>alert(1)</script> [lenke](javascript:alert(1))");
        assertTrue(!html.contains("<script>"), html);
        assertTrue(!html.contains("javascript:"), html);
    }
}
