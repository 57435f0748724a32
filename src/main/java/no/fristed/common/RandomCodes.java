package no.fristed.common;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random codes people can read aloud and type: letters and digits without look-alikes (no I, L, O, U, 0, 1), in
 * dash-separated groups. Each character carries log2(30) ≈ 4.9 bits.
 */
public final class RandomCodes {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomCodes() {
    }

    public static String generate(int groups, int groupLength) {
        StringBuilder code = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                code.append('-');
            }
            for (int i = 0; i < groupLength; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /** Upper case without separators, so "abcde-fghjk" and "ABCDE FGHJK" are the same code. */
    public static String normalise(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
