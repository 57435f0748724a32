package no.fristed.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer fuzzing of the privacy guard. A normal test run replays its seeds; JAZZER_FUZZ=1 fuzzes for real. */
class PrivacyGuardFuzzTest {

    private static final String[] PLANTED = {"41234567", "+47 412 34 567", "ola.nordmann@gmail.com", "15030710026",
        "1234.56.78903", "@ola_nordmann"};
    private final PrivacyGuard guard = new PrivacyGuard();

    @FuzzTest(maxDuration = "30s")
    void nothingEscapesAndPlantedPersonalDataNeverSurvives(FuzzedDataProvider data) {
        String planted = PLANTED[data.consumeInt(0, PLANTED.length - 1)];
        String before = data.consumeString(200);
        String after = data.consumeRemainingAsString();
        int start = before.length() + 1;
        int end = start + planted.length();
        PrivacyGuard.Result result = guard.check(before + " " + planted + " " + after);
        // The planted text itself must be covered; random text around it may contain the same digits in another number.
        assertTrue(result.findings().stream().anyMatch(f -> f.start() <= start && f.end() >= end),
                () -> "not redacted: " + planted + " in [" + result.redacted() + "]");
        assertEquals(result.redacted(), guard.check(result.redacted()).redacted(), "redaction must be stable");
    }
}
