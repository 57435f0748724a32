package no.fristed.facts;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.fristed.testing.TestTokens;

/** Pages published through the editor API for tests that must not depend on the wording of the shipped pages. */
final class FactFixtures {

    static final String AUTHOR = TestTokens.staff("editor-ada", "editor");
    static final String REVIEWER = TestTokens.staff("editor-bo", "editor");
    static final String YOUNG_TEEN_TEXT = "Under 16 år får foreldrene dine vanligvis vite om helsehjelp.";
    static final String OLDER_TEEN_TEXT = "Fra 16 år samtykker du selv til helsehjelp.";
    static final String ADULT_TEXT = "Fra 18 år får ingen vite noe uten at du samtykker.";

    private FactFixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String newSlug() {
        return "testside-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A page that follows every content rule: band text where bands differ, the emergency block, no review yet. */
    static Map<String, Object> page(String title, String kind) {
        return new HashMap<>(Map.of(
                "title", title,
                "summary", "Et sammendrag.",
                "kind", kind,
                "substances", List.of("testium"),
                "audience", List.of("13-15", "16-17", "18-25"),
                "sources", List.of(Map.of("title", "Helsenorge", "url", "https://www.helsenorge.no")),
                "body", withBands("Tekst om testium, et stoff som bare finnes i tester.")));
    }

    static String withBands(String common) {
        return common + "\n\n<!-- band: 13-15 -->\n" + YOUNG_TEEN_TEXT + "\n<!-- /band -->\n"
                + "<!-- band: 16-17 -->\n" + OLDER_TEEN_TEXT + "\n<!-- /band -->\n"
                + "<!-- band: 18-25 -->\n" + ADULT_TEXT + "\n<!-- /band -->\n\n<!-- include: akutt -->\n";
    }

    /** Publishes the page in bokmål under a new slug (written by one editor, approved by another). */
    static String publish(Map<String, Object> content) {
        return publish(newSlug(), "nb", content);
    }

    static String publish(String slug, String lang, Map<String, Object> content) {
        String path = "/api/v1/editor/facts/" + slug + "/" + lang + "/";
        as(AUTHOR).body(content).post(path + "drafts").then().statusCode(201);
        as(AUTHOR).post(path + "submit").then().statusCode(200);
        as(REVIEWER).post(path + "approve").then().statusCode(200);
        return slug;
    }
}
