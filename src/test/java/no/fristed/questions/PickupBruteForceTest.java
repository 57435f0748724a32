package no.fristed.questions;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PickupBruteForceTest.FewLookups.class)
class PickupBruteForceTest {

    /** Five look-ups per ten minutes per address. */
    public static class FewLookups implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fristed.questions.pickup-limit", "5");
        }
    }

    @Test
    void guessingCodesIsThrottled() {
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/questions/AAAAA-BBBBB-CCCCC-DDDD" + (char) ('A' + i)).then().statusCode(404);
        }
        given().get("/api/v1/questions/AAAAA-BBBBB-CCCCC-DDDDZ").then().statusCode(429)
                .header("Retry-After", Matchers.notNullValue())
                .contentType("application/problem+json");
    }
}
