package no.fristed.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Jazzer fuzzing of the privacy guard. A normal test run replays its seeds; JAZZER_FUZZ=1 fuzzes for real. */
class PrivacyGuardFuzzTest {

    private static final String[] PLANTED = {"41234567", "+47 412 34 567", "ola.nordmann@gmail.com", "15030710026",
        "1234.56.78903", "@ola_nordmann"};
    /** A tenth of the longest text the check endpoint accepts, so the fuzzer still tries many inputs a second. */
    private static final int REPEATED_LENGTH = PrivacyResource.MAX_TEXT / 10;
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

    /**
     * The input's first line is a prefix and the rest a unit, repeated to {@link #REPEATED_LENGTH} characters: the
     * shape of every text that made the guard backtrack or overflow its stack. The seeds are the known worst. The bound
     * is loose because Jazzer's hooks make each regex step many times slower than in production, and unevenly so;
     * the plain PrivacyGuardWorstInputsTest holds the guard to a second at full request size.
     */
    @FuzzTest(maxDuration = "30s")
    void anyRepeatedTextIsCheckedWithinTenSeconds(byte[] data) {
        String input = new String(data, StandardCharsets.UTF_8);
        int newline = input.indexOf('\n');
        String prefix = newline < 0 ? "" : input.substring(0, newline);
        String unit = input.substring(newline + 1);
        String text = unit.isEmpty() ? prefix : PrivacyGuardWorstInputsTest.text(prefix, unit, REPEATED_LENGTH);
        long start = System.nanoTime();
        guard.check(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, () -> "checking took " + millis + " ms");
    }
}
