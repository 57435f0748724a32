package no.fristed.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the worst users send: oversized bodies, deep JSON, invalid UTF-8, huge query strings, unknown fields, wrong
 * methods and types. Each gets a problem+json 4xx, and the service stays up. (No contract validation here: these
 * requests are outside the contract on purpose.)
 */
@QuarkusTest
class BadInputTest {

    private static RequestSpecification raw() {
        return given().noFilters();
    }

    // Relative to the management root, /q.
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @AfterEach
    void theServiceIsStillUp() {
        raw().get(readiness).then().statusCode(200).body("status", is("UP"));
        raw().get("/api/v1/services?municipality=Bergen").then().statusCode(200);
    }

    @Test
    void anOversizedBodyIsRefused() {
        String big = "{\"text\":\"" + "a".repeat(2_000_000) + "\"}";
        raw().contentType(ContentType.JSON).body(big).post("/api/v1/privacy/check").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "{\"text\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        raw().contentType(ContentType.JSON).body(deep).post("/api/v1/privacy/check").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        raw().contentType("application/json; charset=UTF-8").body(body).post("/api/v1/privacy/check").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aHugeQueryStringIsRefusedNamingTheParameter() {
        raw().get("/api/v1/services?q=" + "a".repeat(12_000)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("q"));
        raw().get("/api/v1/facts/search?q=" + "a".repeat(12_000)).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownFieldsAreRefused() {
        raw().contentType(ContentType.JSON).body("{\"text\":\"hei\",\"admin\":true}").post("/api/v1/privacy/check")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("admin"));
    }

    @Test
    void wrongTypesMethodsAndPathsAreProblems() {
        raw().contentType(ContentType.TEXT).body("hei").post("/api/v1/privacy/check").then().statusCode(415)
                .contentType("application/problem+json");
        raw().contentType(ContentType.JSON).body("{\"text\": 42}").post("/api/v1/privacy/check").then()
                .statusCode(400).contentType("application/problem+json");
        raw().contentType(ContentType.JSON).body("[]").post("/api/v1/questions").then().statusCode(400)
                .contentType("application/problem+json");
        raw().patch("/api/v1/services").then().statusCode(405).contentType("application/problem+json");
        raw().get("/api/v1/does-not-exist").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPasswordChangeWithAWeakPasswordOrExtraFieldsIsRefused() {
        String token = no.fristed.testing.TestTokens.staff("bad-input-member", "counsellor");
        raw().auth().oauth2(token).contentType(ContentType.JSON)
                .body(java.util.Map.of("currentPassword", "whatever-it-was", "newPassword", "short"))
                .post("/api/v1/staff/me/password").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("newPassword"));
        raw().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"currentPassword\":\"a\",\"newPassword\":\"a-long-enough-password\",\"roles\":[\"admin\"]}")
                .post("/api/v1/staff/me/password").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("roles"));
    }

    @Test
    void controlCharactersAndOddUnicodeAreHandled() {
        String odd = "hei \u0000\u0007\u202e\ud83d\ude00 " + new String(new byte[] {(byte) 0xc3, (byte) 0xa6},
                StandardCharsets.UTF_8);
        raw().contentType(ContentType.JSON).body(java.util.Map.of("text", odd)).post("/api/v1/privacy/check").then()
                .statusCode(200);
        raw().queryParam("q", odd).get("/api/v1/facts/search").then().statusCode(200);
        raw().queryParam("municipality", odd).get("/api/v1/services").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
