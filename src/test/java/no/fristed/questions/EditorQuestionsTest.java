package no.fristed.questions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Editors list answered questions, as stored (redacted), to turn one into a Q&A page. */
@QuarkusTest
class EditorQuestionsTest {

    private static final String COUNSELLOR = TestTokens.staff("counsellor-kari", "counsellor");
    private static final String EDITOR = TestTokens.staff("editor-ada", "editor");

    @Test
    void editorsSeeAnsweredQuestionsRedactedAndNotTheUnansweredOnes() {
        String marker = "Kan jeg ringe dere? " + Instant.now();
        given().contentType(ContentType.JSON).body(Map.of("text", marker + " Nummeret mitt er 912 34 567.", "ageBand", "16-17"))
                .post("/api/v1/questions").then().statusCode(201);
        String unanswered = "Ubesvart " + Instant.now();
        given().contentType(ContentType.JSON).body(Map.of("text", unanswered)).post("/api/v1/questions").then().statusCode(201);
        String id = given().auth().oauth2(COUNSELLOR).get("/api/v1/counsellor/questions").then().statusCode(200)
                .extract().jsonPath().getString("find { it.question.startsWith('" + marker + "') }.id");
        given().auth().oauth2(COUNSELLOR).post("/api/v1/counsellor/questions/" + id + "/claim").then().statusCode(200);
        given().auth().oauth2(COUNSELLOR).contentType(ContentType.JSON).body(Map.of("text", "Ja, ring 116 111."))
                .post("/api/v1/counsellor/questions/" + id + "/answer").then().statusCode(200);

        given().auth().oauth2(EDITOR).get("/api/v1/editor/questions").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.question", is(marker + " Nummeret mitt er [telefonnummer]."))
                .body("find { it.id == '" + id + "' }.status", is("answered"))
                .body("question", not(hasItem(unanswered)));
        given().auth().oauth2(TestTokens.staff("supervisor-sara", "supervisor")).get("/api/v1/editor/questions")
                .then().statusCode(200);
        given().auth().oauth2(COUNSELLOR).get("/api/v1/editor/questions").then().statusCode(403);
    }
}
