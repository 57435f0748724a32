package no.fristed.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Mints JWTs with the test-only key in src/test/resources. */
public final class TestTokens {

    public static final String ISSUER = "https://fristed.no";

    private TestTokens() {
    }

    public static String staff(String name, String... groups) {
        return Jwt.issuer(ISSUER).upn(name).groups(Set.of(groups)).expiresIn(Duration.ofHours(1)).sign();
    }

    public static String expired(String name, String... groups) {
        return expiredAgo(Duration.ofHours(2), name, groups);
    }

    /** A token whose expiry passed {@code ago} ago (it was issued an hour before that). */
    public static String expiredAgo(Duration ago, String name, String... groups) {
        Instant expiry = Instant.now().minus(ago);
        return Jwt.issuer(ISSUER).upn(name).groups(Set.of(groups)).issuedAt(expiry.minus(Duration.ofHours(1)))
                .expiresAt(expiry).sign();
    }

    public static String wrongIssuer(String name, String... groups) {
        return Jwt.issuer("https://evil.example").upn(name).groups(Set.of(groups)).expiresIn(Duration.ofHours(1)).sign();
    }

    /** A valid token with one character of the signature changed. */
    public static String tampered(String name, String... groups) {
        String token = staff(name, groups);
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }
}
