package no.fristed.questions;

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
            QuestionTest.pickUp("AAAAA-BBBBB-CCCCC-DDDD" + (char) ('A' + i)).statusCode(404);
        }
        QuestionTest.pickUp("AAAAA-BBBBB-CCCCC-DDDDZ").statusCode(429)
                .header("Retry-After", Matchers.notNullValue())
                .contentType("application/problem+json");
    }
}
