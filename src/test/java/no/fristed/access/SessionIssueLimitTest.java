package no.fristed.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SessionIssueLimitTest.LowLimit.class)
class SessionIssueLimitTest {

    /** Three sessions an hour from one address. */
    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fristed.sessions.issue-limit", "3");
        }
    }

    @Test
    void tooManyNewSessionsFromOneAddressAreRefusedWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().post("/api/v1/sessions").then().statusCode(201);
        }
        given().post("/api/v1/sessions").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }
}
