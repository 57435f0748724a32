package no.fristed.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PrivacyCheckLimitTest.FewChecks.class)
class PrivacyCheckLimitTest {

    /** Three checks a minute from one address. */
    public static class FewChecks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fristed.privacy.check-limit", "3");
        }
    }

    @Test
    void tooManyChecksFromOneAddressAreRefusedWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("text", "hei")).post("/api/v1/privacy/check")
                    .then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(Map.of("text", "hei")).post("/api/v1/privacy/check")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
    }
}
