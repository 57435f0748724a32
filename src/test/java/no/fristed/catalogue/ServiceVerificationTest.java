package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static no.fristed.catalogue.ServiceEditingTest.EDITOR;
import static no.fristed.catalogue.ServiceEditingTest.REVIEWER;
import static no.fristed.catalogue.ServiceEditingTest.approve;
import static no.fristed.catalogue.ServiceEditingTest.as;
import static no.fristed.catalogue.ServiceEditingTest.createLive;
import static no.fristed.catalogue.ServiceEditingTest.service;
import static no.fristed.catalogue.ServiceEditingTest.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.fristed.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keeping the catalogue fresh: verified with the service, what is due, and who changed what when. */
@QuarkusTest
class ServiceVerificationTest {

    private static final String DUE = "/api/v1/editor/services/verification-due";

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void verifyOn(String id, LocalDateTime osloTime, String token) {
        clock.setOslo(osloTime);
        as(token).post("/api/v1/editor/services/" + id + "/verified").then().statusCode(200);
    }

    @Test
    void verifiedWithTheServiceRecordsTodayAndTheEditor() {
        String id = uniqueId("sjekket");
        createLive(service(id, "Sjekket", 69.65, 18.95));
        clock.setOslo(LocalDateTime.of(2026, 11, 30, 23, 30));
        as(REVIEWER).post("/api/v1/editor/services/" + id + "/verified").then().statusCode(200)
                .body("service.lastVerified", is("2026-11-30"))
                .body("verifiedBy", is("editor-bob"));
        given().get("/api/v1/services/" + id).then().statusCode(200).body("lastVerified", is("2026-11-30"));
    }

    @Test
    void anApprovedReplacementWithoutADateKeepsTheVerification() {
        String id = uniqueId("beholder");
        createLive(service(id, "Beholder", 69.65, 18.95));
        verifyOn(id, LocalDateTime.of(2026, 11, 2, 12, 0), REVIEWER);
        approve(as(EDITOR).body(service(id, "Nytt navn", 69.65, 18.95)).put("/api/v1/services/" + id).then());
        given().get("/api/v1/services/" + id).then().statusCode(200)
                .body("name", is("Nytt navn"))
                .body("lastVerified", is("2026-11-02"));
    }

    @Test
    void theDueListPutsNeverVerifiedServicesFirstThenTheLongestAgo() {
        String older = uniqueId("eldst");
        String old = uniqueId("gammel");
        String fresh = uniqueId("fersk");
        createLive(service(older, "Eldst", 69.65, 18.95));
        createLive(service(old, "Gammel", 69.65, 18.95));
        createLive(service(fresh, "Fersk", 69.65, 18.95));
        verifyOn(old, LocalDateTime.of(2024, 6, 1, 12, 0), EDITOR);
        verifyOn(older, LocalDateTime.of(2023, 2, 1, 12, 0), EDITOR);
        verifyOn(fresh, LocalDateTime.of(2026, 10, 1, 12, 0), EDITOR);
        clock.setOslo(LocalDateTime.of(2026, 11, 30, 12, 0));

        List<Map<String, Object>> due = as(REVIEWER).get(DUE).then().statusCode(200)
                .body("id", not(hasItem(fresh)))
                .extract().jsonPath().getList("$");
        List<String> ids = due.stream().map(d -> (String) d.get("id")).toList();
        int firstVerified = 0;
        while (firstVerified < due.size() && due.get(firstVerified).get("lastVerified") == null) {
            firstVerified++;
        }
        assertTrue(firstVerified > 0, "content services that were never verified come first");
        assertTrue(due.subList(firstVerified, due.size()).stream().allMatch(d -> d.get("lastVerified") != null));
        assertTrue(ids.indexOf(older) >= firstVerified && ids.indexOf(older) < ids.indexOf(old));
        assertEquals("2023-02-01", due.get(ids.indexOf(older)).get("lastVerified"));
        assertEquals("editor-anne", due.get(ids.indexOf(older)).get("verifiedBy"));
    }

    @Test
    void theHistorySaysWhoChangedWhichFieldsWhenAndWhoApproved() {
        String id = uniqueId("historikk");
        createLive(service(id, "Første", 69.65, 18.95));
        Map<String, Object> changed = new HashMap<>(service(id, "Andre", 69.65, 18.95));
        changed.put("cost", "Gratis");
        approve(as(EDITOR).body(changed).put("/api/v1/services/" + id).then());
        as(REVIEWER).post("/api/v1/editor/services/" + id + "/verified").then().statusCode(200);

        as(REVIEWER).get("/api/v1/editor/services/" + id + "/history").then().statusCode(200)
                .body("action", contains("verified", "replaced", "created"))
                .body("[0].staff", is("editor-bob"))
                .body("[0].approver", nullValue())
                .body("[1].staff", is("editor-anne"))
                .body("[1].approver", is("editor-bob"))
                .body("[1].fields", containsInAnyOrder("name", "locations", "cost"))
                .body("[2].fields", hasItem("channels"));
    }

    @Test
    void contentFilesShowInTheHistoryToo() {
        as(REVIEWER).get("/api/v1/editor/services/uro-bergen/history").then().statusCode(200)
                .body("action", hasItem("content-file"));
        as(REVIEWER).get("/api/v1/editor/services/no-such-service/history").then().statusCode(404);
    }

    @Test
    void aRetiredServiceCannotBeVerified() {
        String id = uniqueId("borte");
        createLive(service(id, "Borte", 69.65, 18.95));
        approve(as(EDITOR).delete("/api/v1/services/" + id).then());
        as(REVIEWER).post("/api/v1/editor/services/" + id + "/verified").then().statusCode(409)
                .contentType("application/problem+json");
        as(REVIEWER).post("/api/v1/editor/services/no-such-service/verified").then().statusCode(404);
    }
}
