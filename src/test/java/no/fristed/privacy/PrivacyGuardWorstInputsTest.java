package no.fristed.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The texts that once made the guard backtrack for seconds or overflow its stack, each at the longest text the check
 * endpoint accepts: checked well within a second, and twice the text takes about twice the time, never four times.
 * Times are the best of several runs, so a busy machine does not fail the test. Tagged "timing": it runs in a JVM
 * without the fuzz tests' Jazzer hooks (see the surefire executions in the POM).
 */
@Tag("timing")
class PrivacyGuardWorstInputsTest {

    private static final int FULL = PrivacyResource.MAX_TEXT;
    private static final long BOUND_NANOS = 1_000_000_000L;
    private static final int RUNS = 5;
    /** What a busy scheduler or one collection may add to the best of the runs. */
    private static final long NOISE_NANOS = 20_000_000L;

    private static final PrivacyGuard GUARD = new PrivacyGuard();

    static Stream<Arguments> worstInputs() {
        return Stream.of(
                Arguments.of("", "-"),
                Arguments.of("", "a.-"),
                Arguments.of("", "@ab"),
                Arguments.of("", "a@b.c"),
                Arguments.of("a@b", ".c"),
                Arguments.of("", "ola.nordmann@gmail"),
                Arguments.of("", "a@a.aa@"),
                Arguments.of("ola", " (at) gmail (dot)"),
                Arguments.of("", "1-"),
                Arguments.of("", "1 "),
                Arguments.of("", "12.34 "),
                Arguments.of("", "01.01.01-"),
                Arguments.of("", "+47 "),
                Arguments.of("", "0"),
                Arguments.of("", "A"),
                Arguments.of("", "Aa "),
                Arguments.of("", "a-gata "),
                Arguments.of("", "Storgata"),
                Arguments.of("", " "));
    }

    /** Prefix, then the unit repeated, cut to {@code length} characters. */
    static String text(String prefix, String unit, int length) {
        return (prefix + unit.repeat(length / unit.length() + 1)).substring(0, length);
    }

    @BeforeAll
    static void warmUp() {
        worstInputs().forEach(input -> {
            Object[] args = input.get();
            GUARD.check(text((String) args[0], (String) args[1], 500));
        });
        for (int i = 0; i < 200; i++) {
            GUARD.check("Hei, jeg er 15. Ring 41234567 eller ola@example.com, bor i Storgata 5, fnr 010101-12377.");
        }
    }

    @ParameterizedTest(name = "\"{0}\" + \"{1}\" repeated")
    @MethodSource("worstInputs")
    void isCheckedWithinASecondAndInLinearTime(String prefix, String unit) {
        String full = text(prefix, unit, FULL);
        String twice = text(prefix, unit, 2 * FULL);
        long bestFull = Long.MAX_VALUE;
        long bestTwice = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            bestFull = Math.min(bestFull, timeOf(full));
            if (bestFull > 5 * BOUND_NANOS) {
                break;
            }
            bestTwice = Math.min(bestTwice, timeOf(twice));
        }
        long fullTime = bestFull;
        long twiceTime = bestTwice;
        assertTrue(fullTime < BOUND_NANOS, () -> String.format("took %d ms: %s", fullTime / 1_000_000,
                describe(prefix, unit)));
        assertTrue(twiceTime <= 3 * fullTime + NOISE_NANOS, () -> String.format(
                "twice the text took %d ms against %d ms: %s", twiceTime / 1_000_000, fullTime / 1_000_000,
                describe(prefix, unit)));
    }

    private static long timeOf(String text) {
        long start = System.nanoTime();
        GUARD.check(text);
        return System.nanoTime() - start;
    }

    private static String describe(String prefix, String unit) {
        return "\"" + prefix + "\" + \"" + unit + "\" repeated";
    }
}
