package no.fristed.facts;

import static io.restassured.RestAssured.given;
import static no.fristed.facts.FactFixtures.AUTHOR;
import static no.fristed.facts.FactFixtures.REVIEWER;
import static no.fristed.facts.FactFixtures.as;
import static no.fristed.facts.FactFixtures.page;
import static no.fristed.facts.FactFixtures.publish;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The editors' list of pages: working and published versions, by status and language. */
@QuarkusTest
class FactListTest {

    private static final String LIST = "/api/v1/editor/facts";

    private static String path(String slug, String action) {
        return "/api/v1/editor/facts/" + slug + "/nb/" + action;
    }

    @Test
    void aPageBeingChangedIsListedWithItsDraftAndItsPublishedVersion() {
        String slug = publish(page("Listeside", "topic"));
        as(AUTHOR).get(LIST + "?status=published&lang=nb").then().statusCode(200)
                .body("find { it.slug == '" + slug + "' }.status", is("published"))
                .body("find { it.slug == '" + slug + "' }.approver", is("editor-bo"))
                .body("status", everyItem(is("published"))).body("lang", everyItem(is("nb")));

        as(AUTHOR).body(page("Listeside endret", "topic")).post(path(slug, "drafts")).then().statusCode(201);
        as(AUTHOR).get(LIST).then().statusCode(200)
                .body("findAll { it.slug == '" + slug + "' }.status", contains("draft", "published"))
                .body("findAll { it.slug == '" + slug + "' }.version", contains(2, 1))
                .body("findAll { it.slug == '" + slug + "' }.title", contains("Listeside endret", "Listeside"));

        as(AUTHOR).post(path(slug, "submit")).then().statusCode(200);
        as(REVIEWER).get(LIST + "?status=in-review").then().statusCode(200)
                .body("findAll { it.slug == '" + slug + "' }.author", contains("editor-ada"))
                .body("findAll { it.slug == '" + slug + "' }.submittedBy", contains("editor-ada"))
                .body("status", everyItem(is("in-review")));

        as(REVIEWER).post(path(slug, "approve")).then().statusCode(200);
        as(AUTHOR).post(path(slug, "archive")).then().statusCode(200);
        as(AUTHOR).get(LIST + "?lang=nb").then().statusCode(200)
                .body("findAll { it.slug == '" + slug + "' }.status", contains("archived"))
                .body("findAll { it.slug == '" + slug + "' }.version", contains(2));
        as(AUTHOR).get(LIST + "?status=published").then().statusCode(200).body("slug", not(hasItem(slug)));
    }

    @Test
    void supervisorsReadTheListButCannotChangeAPage() {
        String supervisor = TestTokens.staff("supervisor-sara", "supervisor");
        given().auth().oauth2(supervisor).get(LIST + "?lang=nb").then().statusCode(200)
                .body("slug", hasItem("cannabis"));
        given().auth().oauth2(supervisor).get("/api/v1/editor/facts/cannabis/nb/versions").then().statusCode(200);
        given().auth().oauth2(supervisor).post(path("cannabis", "archive")).then().statusCode(403);
    }

    @Test
    void anUnknownStatusOrLanguageIsA400NamingTheParameter() {
        as(AUTHOR).get(LIST + "?status=live&lang=de").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("lang", "status"));
    }
}
