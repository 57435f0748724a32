package no.fristed.questions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.fristed.privacy.RetentionPurge;
import no.fristed.testing.DatabaseDump;
import no.fristed.testing.MutableClock;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuestionTest {

    private static final String COUNSELLOR = TestTokens.staff("counsellor-kari", "counsellor");
    private static final String OTHER_COUNSELLOR = TestTokens.staff("counsellor-ola", "counsellor");

    @Inject
    MutableClock clock;
    @Inject
    RetentionPurge purge;
    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Looks a code up the way the app does: in a request body, never in the URL. */
    static ValidatableResponse pickUp(String code) {
        return given().contentType(ContentType.JSON).body(Map.of("pickupCode", code)).post("/api/v1/questions/pickup")
                .then();
    }

    private static JsonPath ask(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text, "topic", "alkohol", "ageBand", "16-17"))
                .post("/api/v1/questions").then().statusCode(201).extract().jsonPath();
    }

    private static String idOf(String text) {
        return given().auth().oauth2(COUNSELLOR).get("/api/v1/counsellor/questions").then().statusCode(200)
                .extract().jsonPath().getString("find { it.question == '" + text + "' }.id");
    }

    private static void claimAndAnswer(String id, String answer) {
        given().auth().oauth2(COUNSELLOR).post("/api/v1/counsellor/questions/" + id + "/claim").then().statusCode(200);
        given().auth().oauth2(COUNSELLOR).contentType(ContentType.JSON).body(Map.of("text", answer))
                .post("/api/v1/counsellor/questions/" + id + "/answer").then().statusCode(200);
    }

    @Test
    void aQuestionIsAnsweredAndPickedUpWithItsCode() {
        String text = "Hvordan vet jeg om jeg drikker for mye? " + Instant.now();
        JsonPath asked = ask(text);
        String code = asked.getString("pickupCode");
        // 20 characters from a 30-character alphabet: 20 × log2(30) ≈ 98 bits.
        String character = "[ABCDEFGHJKMNPQRSTVWXYZ23456789]";
        assertTrue(code.matches(character + "{5}(-" + character + "{5}){3}"), code);

        pickUp(code).statusCode(200)
                .body("status", is("waiting")).body("question", is(text));
        String id = idOf(text);
        claimAndAnswer(id, "Godt spørsmål! Her er noen tegn å se etter.");
        pickUp(code.toLowerCase().replace("-", " ")).statusCode(200)
                .body("status", is("answered"))
                .body("answer", is("Godt spørsmål! Her er noen tegn å se etter."));
    }

    @Test
    void personalDataNeverReachesTheStoredQuestionAndTheYoungPersonIsTold() throws Exception {
        String marker = "Q" + System.nanoTime();
        JsonPath asked = ask("Jeg heter " + marker + ", ring meg på 41234567 eller skriv til ola@example.com");
        assertEquals(java.util.List.of("phone", "email"), asked.getList("removed"));
        assertFalse(asked.getString("storedText").contains("41234567"));
        String dump = DatabaseDump.of(dataSource);
        assertTrue(dump.contains(marker), "the question is stored");
        assertFalse(dump.contains("41234567"), "the phone number is not");
        assertFalse(dump.contains("ola@example.com"), "the e-mail is not");
        assertFalse(dump.contains(asked.getString("pickupCode")), "nor the pickup code");
    }

    @Test
    void answersAreCheckedForPersonalDataToo() {
        String text = "Hvem kan jeg ringe? " + Instant.now();
        String code = ask(text).getString("pickupCode");
        claimAndAnswer(idOf(text), "Ring meg privat på 98765432");
        pickUp(code).body("answer", not(containsString("98765432")));
    }

    @Test
    void counsellorsMayGiveAServicesPublicContactDataButYoungPeoplesIsRemoved() {
        String id = "kontakt-" + System.nanoTime();
        String change = given().auth().oauth2(TestTokens.staff("editor-anne", "editor")).contentType(ContentType.JSON)
                .body(serviceWithContactData(id)).post("/api/v1/services").then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.staff("editor-bob", "editor"))
                .post("/api/v1/editor/service-changes/" + change + "/approve").then().statusCode(200);
        String contacts = "Ring 23 45 67 89, skriv til post@kontakttilbud.no eller kom til Teatergaten 41.";

        String text = "Jeg bor i Teatergaten 41, nummeret mitt er 23456789 " + Instant.now();
        JsonPath asked = ask(text);
        assertEquals(java.util.List.of("address", "phone"), asked.getList("removed"));
        String code = asked.getString("pickupCode");
        claimAndAnswer(idOf(asked.getString("storedText")), contacts + " Eller ring meg privat på 98765432.");
        pickUp(code)
                .body("answer", is(contacts + " Eller ring meg privat på [telefonnummer]."));
    }

    private static Map<String, Object> serviceWithContactData(String id) {
        return Map.ofEntries(
                Map.entry("id", id),
                Map.entry("organization", Map.of("id", id, "name", "Kontakttilbudet", "email", "post@kontakttilbud.no")),
                Map.entry("name", "Kontakttilbudet"),
                Map.entry("description", "Et tilbud laget av en test."),
                Map.entry("topics", java.util.List.of("cannabis")),
                Map.entry("anonymous", "yes"),
                Map.entry("track", "voluntary-help"),
                Map.entry("whatHappens", "Ingenting blir sendt videre."),
                Map.entry("channels", java.util.List.of(Map.of("type", "phone", "value", "23 45 67 89"))),
                Map.entry("municipalities", java.util.List.of("Tromsø")),
                Map.entry("locations", java.util.List.of(Map.of("id", id + "-sted", "name", "Kontakttilbudet",
                        "address", "Teatergaten 41", "postalCode", "5010", "municipality", "Tromsø"))));
    }

    @Test
    void aWrongCodeLooksLikeADeletedQuestion() {
        pickUp("AAAAA-BBBBB-CCCCC-DDDDD").statusCode(404)
                .contentType("application/problem+json");
        pickUp("x".repeat(300)).statusCode(404);
    }

    @Test
    void onlyTheCounsellorWhoTookAQuestionAnswersIt() {
        String text = "Hva gjør barnevernet? " + Instant.now();
        ask(text);
        String id = idOf(text);
        given().auth().oauth2(COUNSELLOR).post("/api/v1/counsellor/questions/" + id + "/claim").then().statusCode(200);
        given().auth().oauth2(OTHER_COUNSELLOR).post("/api/v1/counsellor/questions/" + id + "/claim").then().statusCode(409);
        given().auth().oauth2(OTHER_COUNSELLOR).contentType(ContentType.JSON).body(Map.of("text", "svar"))
                .post("/api/v1/counsellor/questions/" + id + "/answer").then().statusCode(409);
        given().auth().oauth2(COUNSELLOR).post("/api/v1/counsellor/questions/" + id + "/release").then().statusCode(200)
                .body("status", is("waiting"));
    }

    @Test
    void theQueueIsOldestFirstAndHoldsNoAnsweredQuestions() {
        String first = "Første " + Instant.now();
        String second = "Andre " + Instant.now();
        ask(first);
        ask(second);
        java.util.List<String> questions = given().auth().oauth2(COUNSELLOR).get("/api/v1/counsellor/questions")
                .then().extract().jsonPath().getList("question");
        assertTrue(questions.indexOf(first) < questions.indexOf(second));
        claimAndAnswer(idOf(first), "Svar");
        given().auth().oauth2(COUNSELLOR).get("/api/v1/counsellor/questions").then()
                .body("question", not(hasItem(first)));
    }

    @Test
    void answeredQuestionsAreDeletedAfterThirtyDays() {
        String text = "Slettes snart? " + Instant.now();
        String code = ask(text).getString("pickupCode");
        claimAndAnswer(idOf(text), "Ja.");
        clock.set(Instant.now().plus(Duration.ofDays(29)));
        purge.run();
        pickUp(code).statusCode(200);
        clock.set(Instant.now().plus(Duration.ofDays(31)));
        assertTrue(purge.run().get("questions") >= 1);
        pickUp(code).statusCode(404);
    }

    @Test
    void deletingEverythingRemovesTheSessionsQuestions() {
        String token = given().post("/api/v1/sessions").then().extract().path("token");
        String code = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", "Mitt spørsmål"))
                .post("/api/v1/questions").then().statusCode(201).extract().path("pickupCode");
        given().auth().oauth2(token).delete("/api/v1/sessions/me").then().statusCode(204);
        pickUp(code).statusCode(404);
    }

    @Test
    void anAnsweredQuestionBecomesAQaPageOnlyThroughFourEyes() {
        String text = "Er snus farlig? " + Instant.now();
        ask(text);
        String id = idOf(text);
        String editor = TestTokens.staff("editor-ada", "editor");
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("slug", "qa-ubesvart", "title", "X"))
                .post("/api/v1/editor/questions/" + id + "/publish").then().statusCode(409);
        claimAndAnswer(id, "Snus gir avhengighet.");
        String slug = "qa-snus-" + System.nanoTime();
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("slug", slug, "title", "Er snus farlig?"))
                .post("/api/v1/editor/questions/" + id + "/publish").then().statusCode(201)
                .body("status", is("draft")).body("content.kind", is("qa"));
        given().auth().oauth2(editor).post("/api/v1/editor/facts/" + slug + "/nb/submit").then().statusCode(200);
        given().auth().oauth2(editor).post("/api/v1/editor/facts/" + slug + "/nb/approve").then().statusCode(409);
        given().auth().oauth2(TestTokens.staff("editor-bo", "editor")).post("/api/v1/editor/facts/" + slug + "/nb/approve")
                .then().statusCode(200);
        given().get("/api/v1/facts/" + slug).then().statusCode(200).body("markdown", containsString("Snus gir avhengighet."));
    }

    @Test
    void badQuestionsAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("text", "")).post("/api/v1/questions").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(2001))).post("/api/v1/questions").then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", "hei", "ageBand", "9-12")).post("/api/v1/questions")
                .then().statusCode(400);
    }
}
