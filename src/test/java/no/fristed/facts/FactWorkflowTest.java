package no.fristed.facts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.fristed.testing.MutableClock;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FactWorkflowTest {

    private static final String AUTHOR = TestTokens.staff("editor-ada", "editor");
    private static final String REVIEWER = TestTokens.staff("editor-bo", "editor");

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static Map<String, Object> page(String title, String kind) {
        Map<String, Object> page = new HashMap<>(Map.of(
                "title", title,
                "summary", "Et sammendrag.",
                "kind", kind,
                "substances", List.of("testium"),
                "audience", List.of("13-15", "16-17", "18-25"),
                "sources", List.of(Map.of("title", "Helsenorge", "url", "https://www.helsenorge.no")),
                "lastReviewed", "2026-11-01",
                "body", "Tekst om testium, et stoff som bare finnes i tester."));
        return page;
    }

    private static String newSlug() {
        return "testside-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String path(String slug, String action) {
        return "/api/v1/editor/facts/" + slug + "/nb/" + action;
    }

    @Test
    void aDraftIsPublishedOnlyAfterAnotherEditorApprovesIt() {
        String slug = newSlug();
        as(AUTHOR).body(page("Testium", "substance")).post(path(slug, "drafts")).then().statusCode(201)
                .body("status", is("draft")).body("version", is(1)).body("author", is("editor-ada"));
        given().get("/api/v1/facts/" + slug).then().statusCode(404);

        as(AUTHOR).post(path(slug, "submit")).then().statusCode(200).body("status", is("in-review"));
        as(AUTHOR).post(path(slug, "approve")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("four-eyes"));
        given().get("/api/v1/facts/" + slug).then().statusCode(404);

        as(REVIEWER).post(path(slug, "approve")).then().statusCode(200)
                .body("status", is("published")).body("approver", is("editor-bo"));
        given().get("/api/v1/facts/" + slug).then().statusCode(200).body("title", is("Testium"));
        given().queryParam("q", "testium").get("/api/v1/facts/search").then().body("items.slug", hasItem(slug));
    }

    @Test
    void anEditorWhoChangesADraftCannotApproveIt() {
        String slug = newSlug();
        as(AUTHOR).body(page("Første", "topic")).post(path(slug, "drafts")).then().statusCode(201);
        as(REVIEWER).body(page("Endret", "topic")).put(path(slug, "drafts/current")).then().statusCode(200)
                .body("author", is("editor-bo"));
        as(REVIEWER).post(path(slug, "submit")).then().statusCode(200);
        as(REVIEWER).post(path(slug, "approve")).then().statusCode(409);
        as(AUTHOR).post(path(slug, "approve")).then().statusCode(200);
    }

    @Test
    void aNewVersionReplacesThePublishedOneAndHistoryKeepsBoth() {
        String slug = publish(page("Versjon én", "topic"));
        as(AUTHOR).body(page("Versjon to", "topic")).post(path(slug, "drafts")).then().statusCode(201)
                .body("version", is(2));
        given().get("/api/v1/facts/" + slug).then().body("title", is("Versjon én"));
        as(AUTHOR).post(path(slug, "submit")).then().statusCode(200);
        as(REVIEWER).post(path(slug, "approve")).then().statusCode(200);
        given().get("/api/v1/facts/" + slug).then().body("title", is("Versjon to")).body("version", is(2));

        as(AUTHOR).get(path(slug, "versions")).then().statusCode(200)
                .body("version", is(List.of(2, 1)))
                .body("status", is(List.of("published", "archived")))
                .body("author", is(List.of("editor-ada", "editor-ada")))
                .body("approver", is(List.of("editor-bo", "editor-bo")));
    }

    @Test
    void aRejectedVersionGoesBackToDraftWithANote() {
        String slug = newSlug();
        as(AUTHOR).body(page("Utkast", "topic")).post(path(slug, "drafts")).then().statusCode(201);
        as(AUTHOR).post(path(slug, "submit")).then().statusCode(200);
        as(AUTHOR).body(page("Endret under review", "topic")).put(path(slug, "drafts/current")).then().statusCode(409);
        as(REVIEWER).body(Map.of("note", "Mangler kilde")).post(path(slug, "reject")).then().statusCode(200)
                .body("status", is("draft")).body("note", is("Mangler kilde"));
    }

    @Test
    void aSecondDraftWhileOneIsOpenIsAConflict() {
        String slug = newSlug();
        as(AUTHOR).body(page("En", "topic")).post(path(slug, "drafts")).then().statusCode(201);
        as(REVIEWER).body(page("To", "topic")).post(path(slug, "drafts")).then().statusCode(409);
    }

    @Test
    void anArchivedPageDisappearsForReaders() {
        String slug = publish(page("Arkiveres", "topic"));
        as(AUTHOR).post(path(slug, "archive")).then().statusCode(200).body("status", is("archived"));
        given().get("/api/v1/facts/" + slug).then().statusCode(404);
        given().get("/api/v1/facts").then().body("slug", not(hasItem(slug)));
    }

    @Test
    void anUrgentWarningDisappearsEverywhereWhenItExpires() {
        Map<String, Object> warning = page("Farlige piller i omløp", "warning");
        Instant expiry = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        warning.put("expiresAt", expiry.toString());
        warning.put("body", "Det er funnet falske piller med svært sterkt innhold.");
        String slug = publish(warning);
        given().get("/api/v1/facts/" + slug).then().statusCode(200).body("kind", is("warning"));
        given().queryParam("kind", "warning").get("/api/v1/facts").then().body("slug", hasItem(slug));

        clock.set(expiry.plusSeconds(1));
        given().get("/api/v1/facts/" + slug).then().statusCode(404);
        given().get("/api/v1/facts").then().body("slug", not(hasItem(slug)));
        given().get("/api/v1/facts/bundle").then().body("pages.slug", not(hasItem(slug)));
        given().queryParam("q", "falske piller").get("/api/v1/facts/search").then().body("items.slug", not(hasItem(slug)));
    }

    @Test
    void aWarningWithoutExpiryIsRejected() {
        as(AUTHOR).body(page("Advarsel", "warning")).post(path(newSlug(), "drafts")).then().statusCode(400)
                .body("errors.field", hasItem("expiresAt"));
    }

    @Test
    void aPageWithoutSourcesOrReviewDateIsRejected() {
        Map<String, Object> noSources = page("Uten kilder", "topic");
        noSources.put("sources", List.of());
        as(AUTHOR).body(noSources).post(path(newSlug(), "drafts")).then().statusCode(400)
                .body("errors.field", hasItem("sources"));
        Map<String, Object> noDate = page("Uten dato", "topic");
        noDate.remove("lastReviewed");
        as(AUTHOR).body(noDate).post(path(newSlug(), "drafts")).then().statusCode(400)
                .body("errors.field", hasItem("lastReviewed"));
    }

    @Test
    void pagesPastTheirReviewDateAreListedForEditors() {
        as(AUTHOR).get("/api/v1/editor/facts/review-due").then().statusCode(200)
                .body("slug", not(hasItem("cannabis")));
        clock.set(Instant.parse("2028-01-01T12:00:00Z"));
        as(AUTHOR).get("/api/v1/editor/facts/review-due").then().statusCode(200)
                .body("slug", hasItem("cannabis"));
    }

    private String publish(Map<String, Object> content) {
        String slug = newSlug();
        as(AUTHOR).body(content).post(path(slug, "drafts")).then().statusCode(201);
        as(AUTHOR).post(path(slug, "submit")).then().statusCode(200);
        as(REVIEWER).post(path(slug, "approve")).then().statusCode(200);
        return slug;
    }
}
