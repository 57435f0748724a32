package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static no.fristed.catalogue.ServiceEditingTest.EDITOR;
import static no.fristed.catalogue.ServiceEditingTest.REVIEWER;
import static no.fristed.catalogue.ServiceEditingTest.as;
import static no.fristed.catalogue.ServiceEditingTest.createLive;
import static no.fristed.catalogue.ServiceEditingTest.service;
import static no.fristed.catalogue.ServiceEditingTest.uniqueId;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Four eyes on the catalogue: nothing an editor proposes is live until another editor approves it. */
@QuarkusTest
class ServiceReviewTest {

    private static final String CHANGES = "/api/v1/editor/service-changes/";

    private static String propose(Map<String, Object> doc) {
        return as(EDITOR).body(doc).post("/api/v1/services").then().statusCode(202).extract().path("id");
    }

    @Test
    void theAuthorCannotApproveTheirOwnChange() {
        String id = uniqueId("egen");
        String change = propose(service(id, "Egen", 69.65, 18.95));
        as(EDITOR).post(CHANGES + change + "/approve").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://fristed.no/problems/four-eyes"));
        given().get("/api/v1/services/" + id).then().statusCode(404);
        as(REVIEWER).get(CHANGES + change).then().statusCode(200).body("status", is("in-review"));
    }

    @Test
    void theReviewShowsEachChangedFieldWithPhoneAndUrlChangesHighlighted() {
        String id = uniqueId("diff");
        createLive(service(id, "Før", 69.65, 18.95));
        Map<String, Object> changed = new HashMap<>(service(id, "Etter", 69.65, 18.95));
        changed.put("channels", List.of(Map.of("type", "phone", "value", "87 65 43 21")));
        changed.put("url", "https://nytt.example.no");
        as(EDITOR).body(changed).put("/api/v1/services/" + id).then().statusCode(202);

        String diff = "find { it.serviceId == '" + id + "' }.diff";
        as(REVIEWER).get(CHANGES).then().statusCode(200)
                .body("find { it.serviceId == '" + id + "' }.fields", containsInAnyOrder("name", "url", "channels", "locations"))
                .body(diff + ".find { it.field == 'channels[0].value' }.before", is("12 34 56 78"))
                .body(diff + ".find { it.field == 'channels[0].value' }.after", is("87 65 43 21"))
                .body(diff + ".find { it.field == 'channels[0].value' }.highlight", is("phone"))
                .body(diff + ".find { it.field == 'url' }.before", nullValue())
                .body(diff + ".find { it.field == 'url' }.highlight", is("url"))
                .body(diff + ".find { it.field == 'name' }.after", is("Etter"))
                .body(diff + ".find { it.field == 'name' }.highlight", nullValue())
                .body(diff + ".field", not(hasItem("description")));
    }

    @Test
    void aRejectedChangeNeverGoesLiveAndKeepsTheReviewersNote() {
        String id = uniqueId("avvist");
        String change = propose(service(id, "Avvist", 69.65, 18.95));
        as(REVIEWER).body(Map.of("note", "Telefonnummeret stemmer ikke")).post(CHANGES + change + "/reject")
                .then().statusCode(200)
                .body("status", is("rejected"))
                .body("reviewer", is("editor-bob"))
                .body("note", is("Telefonnummeret stemmer ikke"));
        as(REVIEWER).post(CHANGES + change + "/approve").then().statusCode(409);
        given().get("/api/v1/services/" + id).then().statusCode(404);
        as(REVIEWER).get(CHANGES + "?status=rejected").then().statusCode(200).body("id", hasItem(change));
        as(REVIEWER).get(CHANGES).then().body("id", not(hasItem(change)));
    }

    @Test
    void aServiceHasOneChangeInReviewAtATime() {
        String id = uniqueId("en-av-gangen");
        createLive(service(id, "En", 69.65, 18.95));
        as(EDITOR).body(service(id, "To", 69.65, 18.95)).put("/api/v1/services/" + id).then().statusCode(202);
        as(REVIEWER).body(service(id, "Tre", 69.65, 18.95)).put("/api/v1/services/" + id).then().statusCode(409)
                .body("type", is("https://fristed.no/problems/change-in-review"));
        as(REVIEWER).delete("/api/v1/services/" + id).then().statusCode(409);
    }

    @Test
    void aReplacementThatChangesNothingIsNotProposed() {
        String id = uniqueId("uendret");
        createLive(service(id, "Uendret", 69.65, 18.95));
        as(EDITOR).body(service(id, "Uendret", 69.65, 18.95)).put("/api/v1/services/" + id).then().statusCode(409)
                .body("type", is("https://fristed.no/problems/no-change"));
    }

    @Test
    void twoProposalsOfTheSameNewIdCannotBothWait() {
        String id = uniqueId("dobbel");
        propose(service(id, "Første", 69.65, 18.95));
        as(REVIEWER).body(service(id, "Andre", 69.65, 18.95)).post("/api/v1/services").then().statusCode(409);
    }

    @Test
    void unknownChangesAndBadStatusFiltersAreProblems() {
        as(REVIEWER).get(CHANGES + "no-such-change").then().statusCode(404).contentType("application/problem+json");
        as(REVIEWER).post(CHANGES + "no-such-change/approve").then().statusCode(404);
        as(REVIEWER).get(CHANGES + "?status=maybe").then().statusCode(400).body("errors.field", hasItem("status"));
    }
}
