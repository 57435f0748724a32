package no.fristed.facts;

import static io.restassured.RestAssured.given;
import static no.fristed.facts.FactFixtures.AUTHOR;
import static no.fristed.facts.FactFixtures.REVIEWER;
import static no.fristed.facts.FactFixtures.as;
import static no.fristed.facts.FactFixtures.newSlug;
import static no.fristed.facts.FactFixtures.page;
import static no.fristed.facts.FactFixtures.publish;
import static no.fristed.facts.FactFixtures.withBands;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import no.fristed.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FactWorkflowTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String publishWarning(String title, String text, Instant expiry) {
        Map<String, Object> warning = page(title, "warning");
        warning.put("expiresAt", expiry.toString());
        warning.put("body", withBands(text));
        return publish(warning);
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
        Instant expiry = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String slug = publishWarning("Farlige piller i omløp", "Det er funnet falske piller med svært sterkt innhold.",
                expiry);
        given().get("/api/v1/facts/" + slug).then().statusCode(200).body("kind", is("warning"));
        given().queryParam("kind", "warning").get("/api/v1/facts").then().body("slug", hasItem(slug));

        clock.set(expiry.plusSeconds(1));
        given().get("/api/v1/facts/" + slug).then().statusCode(404);
        given().get("/api/v1/facts").then().body("slug", not(hasItem(slug)));
        given().get("/api/v1/facts/bundle").then().body("pages.slug", not(hasItem(slug)));
        given().queryParam("q", "falske piller").get("/api/v1/facts/search").then().body("items.slug", not(hasItem(slug)));
    }

    @Test
    void aSearchJustAnsweredFindsAPageTheMomentItIsPublished() {
        String slug = newSlug();
        as(AUTHOR).body(page("Nyordium", "substance")).post(path(slug, "drafts")).then().statusCode(201);
        as(AUTHOR).post(path(slug, "submit")).then().statusCode(200);
        given().queryParam("q", "nyordium").get("/api/v1/facts/search").then().statusCode(200)
                .body("items.slug", not(hasItem(slug)));

        as(REVIEWER).post(path(slug, "approve")).then().statusCode(200);
        given().queryParam("q", "nyordium").get("/api/v1/facts/search").then().statusCode(200)
                .body("items.slug", hasItem(slug));
    }

    @Test
    void aWarningLeavesSearchTheSecondItExpiresEvenRightAfterTheSameSearch() {
        Instant expiry = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String slug = publishWarning("Farlig vape i omløp", "Det selges vape-væske med et farlig stoff i.", expiry);

        clock.set(expiry.minusSeconds(1));
        given().queryParam("q", "farlig vape").get("/api/v1/facts/search").then().body("items.slug", hasItem(slug));
        clock.set(expiry);
        given().queryParam("q", "farlig vape").get("/api/v1/facts/search").then().body("items.slug", not(hasItem(slug)));
    }

    @Test
    void aWarningWithoutExpiryIsRejected() {
        as(AUTHOR).body(page("Advarsel", "warning")).post(path(newSlug(), "drafts")).then().statusCode(400)
                .body("errors.field", hasItem("expiresAt"));
    }

    @Test
    void aPageWithoutSourcesOrWithAnHttpSourceIsRejected() {
        Map<String, Object> noSources = page("Uten kilder", "topic");
        noSources.put("sources", List.of());
        as(AUTHOR).body(noSources).post(path(newSlug(), "drafts")).then().statusCode(400)
                .body("errors.field", hasItem("sources"));
        Map<String, Object> http = page("Med http-kilde", "topic");
        http.put("sources", List.of(Map.of("title", "Gammel", "url", "http://www.helsenorge.no")));
        as(AUTHOR).body(http).post(path(newSlug(), "drafts")).then().statusCode(400)
                .body("errors.field", hasItem("sources[0].url"));
    }

    @Test
    void anUnreviewedPageIsPublishedAndSaysSoEverywhere() {
        String slug = publish(page("Ikke gjennomgått", "topic"));
        given().get("/api/v1/facts/" + slug).then().statusCode(200)
                .body("reviewed", is(false)).body("$", not(hasKey("lastReviewed")));
        given().get("/api/v1/facts").then().body("find { it.slug == '" + slug + "' }.reviewed", is(false));
        given().get("/api/v1/facts/bundle").then().body("pages.find { it.slug == '" + slug + "' }.reviewed", is(false));
        as(AUTHOR).get(path(slug, "versions")).then().body("reviewed", everyItem(is(false)));

        String reviewed = publish(reviewedPage("Gjennomgått", "2026-11-01"));
        given().get("/api/v1/facts/" + reviewed).then().statusCode(200)
                .body("reviewed", is(true)).body("lastReviewed", is("2026-11-01")).body("reviewer", is("Dr. Test"));
    }

    @Test
    void aReviewDateWithoutAReviewerIsRejected() {
        Map<String, Object> dateOnly = page("Bare dato", "topic");
        dateOnly.put("lastReviewed", "2026-11-01");
        as(AUTHOR).body(dateOnly).post(path(newSlug(), "drafts")).then().statusCode(400)
                .body("errors.field", hasItem("reviewer"));
    }

    @Test
    void pagesNeverReviewedComeFirstThenThosePastTheirReviewDate() {
        String unreviewed = publish(page("Aldri gjennomgått", "topic"));
        String reviewed = publish(reviewedPage("Gjennomgått i fjor", "2026-11-01"));
        String recent = publish(reviewedPage("Gjennomgått nylig", "2027-06-01"));
        as(AUTHOR).get("/api/v1/editor/facts/review-due").then().statusCode(200)
                .body("slug", hasItem(unreviewed)).body("slug", not(hasItem(reviewed)));
        clock.set(Instant.parse("2028-01-01T12:00:00Z"));
        JsonPath due = as(AUTHOR).get("/api/v1/editor/facts/review-due").then().statusCode(200).extract().jsonPath();
        List<String> slugs = due.getList("slug");
        List<Boolean> reviewedFlags = due.getList("reviewed");
        assertTrue(slugs.contains(unreviewed) && slugs.contains(reviewed), slugs.toString());
        assertFalse(slugs.contains(recent), slugs.toString());
        assertEquals(reviewedFlags.stream().sorted().toList(), reviewedFlags, "never reviewed first: " + reviewedFlags);
    }

    private static Map<String, Object> reviewedPage(String title, String date) {
        Map<String, Object> page = page(title, "topic");
        page.put("lastReviewed", date);
        page.put("reviewer", "Dr. Test");
        return page;
    }

    @Test
    void aDraftBreakingTheContentRulesIsRejectedWithEveryProblem() {
        Map<String, Object> broken = page("Brudd", "substance");
        broken.put("body", """
                Ring Giftinformasjonen på 22 59 13 01. Ta aldri mer enn 20 mg.
                Se [kilde](http://example.com) og ![piksel](https://tracker.example/p.gif).
                <!-- include: finnes-ikke -->
                """);
        List<String> messages = as(AUTHOR).body(broken).post(path(newSlug(), "drafts")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", everyItem(is("body")))
                .extract().jsonPath().getList("errors.message");
        for (String expected : List.of("unknown snippet 'finnes-ikke'", "a substance page includes the emergency block",
                "read the same", "'22 59 13 01'", "gives an amount (\"20 mg\") in text for 13-15",
                "'http://example.com' must be an https: address", "images are not allowed")) {
            assertTrue(messages.stream().anyMatch(m -> m.contains(expected)), expected + " not in " + messages);
        }
    }

    @Test
    void thePreviewShowsEveryBandWithTheSnippetInPlaceAndItsSources() {
        as(AUTHOR).body(page("Forhåndsvisning", "substance")).post(path(newSlug(), "preview")).then().statusCode(200)
                .body("variants.ageBand", is(List.of("13-15", "16-17", "18-25")))
                .body("variants[0].markdown", containsString("stabilt sideleie"))
                .body("variants[0].markdown", not(containsString("include:")))
                .body("variants[0].markdown", not(containsString("Fra 18 år")))
                .body("variants[2].markdown", containsString("Fra 18 år"))
                .body("sources.url", hasItem("https://www.helsenorge.no/forstehjelp/forstehjelp-ved-bevisstloshet"));
        Map<String, Object> broken = page("Ukjent snutt", "topic");
        broken.put("body", withBands("<!-- include: finnes-ikke -->"));
        as(AUTHOR).body(broken).post(path(newSlug(), "preview")).then().statusCode(400)
                .body("errors.field", hasItem("body"));
    }
}
