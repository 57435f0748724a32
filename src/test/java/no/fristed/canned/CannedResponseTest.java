package no.fristed.canned;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CannedResponseTest {

    private static final String COUNSELLOR = TestTokens.staff("counsellor-kari", "counsellor");
    private static final String EDITOR = TestTokens.staff("editor-ada", "editor");

    @Test
    void counsellorsSeeTheShippedCannedResponses() {
        given().auth().oauth2(COUNSELLOR).get("/api/v1/canned?lang=nb").then().statusCode(200)
                .body("id", hasItem("akutt-fare"));
    }

    @Test
    void editorsAddChangeAndRetireCannedResponses() {
        Map<String, Object> canned = Map.of("id", "test-svar", "lang", "nb", "title", "Test", "text", "Hei!",
                "topics", List.of("generelt"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(canned).post("/api/v1/canned")
                .then().statusCode(201);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(canned).post("/api/v1/canned")
                .then().statusCode(409);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(Map.of("id", "test-svar", "lang", "nb", "title", "Test", "text", "Hallo!"))
                .put("/api/v1/canned/test-svar").then().statusCode(200);
        given().auth().oauth2(COUNSELLOR).get("/api/v1/canned?topic=generelt").then().body("id", hasItem("velkommen"));
        given().auth().oauth2(EDITOR).delete("/api/v1/canned/test-svar").then().statusCode(204);
        given().auth().oauth2(COUNSELLOR).get("/api/v1/canned").then().body("id", not(hasItem("test-svar")));
    }
}
