package no.fristed.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionTest {

    static String newSession() {
        return given().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
    }

    static JsonPath claims(String token) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void aSessionIsARandomAnonymousTokenValidForTwelveHours() {
        JsonPath response = given().post("/api/v1/sessions").then().statusCode(201)
                .body("tokenType", is("Bearer")).body("expiresAt", notNullValue()).extract().jsonPath();
        JsonPath claims = claims(response.getString("token"));
        assertTrue(claims.getString("sub").matches("[0-9a-f]{32}"), "subject is 128 random bits");
        assertEquals(List.of("youth"), claims.getList("groups"));
        long lifetime = claims.getLong("exp") - claims.getLong("iat");
        assertEquals(Duration.ofHours(12).toSeconds(), lifetime);
        assertTrue(claims.getMap("$").keySet().stream().allMatch(
                k -> List.of("iss", "sub", "upn", "groups", "iat", "exp", "jti").contains(k)),
                "no other claims: " + claims.getMap("$").keySet());
        Instant.parse(response.getString("expiresAt"));
    }

    @Test
    void twoSessionsNeverShareAnId() {
        assertNotEquals(claims(newSession()).getString("sub"), claims(newSession()).getString("sub"));
    }

    @Test
    void refreshingKeepsTheSessionAndExtendsIt() {
        String token = newSession();
        String refreshed = given().auth().oauth2(token).post("/api/v1/sessions/refresh").then().statusCode(200)
                .extract().path("token");
        assertEquals(claims(token).getString("sub"), claims(refreshed).getString("sub"));
    }

    @Test
    void afterDeletingEverythingNoTokenOfTheSessionWorks() {
        String token = newSession();
        String refreshed = given().auth().oauth2(token).post("/api/v1/sessions/refresh").then().extract().path("token");
        given().auth().oauth2(token).delete("/api/v1/sessions/me").then().statusCode(204);
        given().auth().oauth2(token).post("/api/v1/sessions/refresh").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(refreshed).post("/api/v1/sessions/refresh").then().statusCode(401);
        given().auth().oauth2(newSession()).post("/api/v1/sessions/refresh").then().statusCode(200);
    }
}
