package no.fristed.access;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs the JWTs Fristed issues: anonymous youth sessions and embedded-default staff logins. */
@ApplicationScoped
public class TokenIssuer {

    public static final String YOUTH = "youth";

    /** A signed token and when it stops working. */
    public record IssuedToken(String token, String tokenType, Instant expiresAt) {
    }

    private final String issuer;
    private final Duration youthLifetime;
    private final Duration staffLifetime;
    /** Tokens are verified against the system clock, so they must be issued by it too, not by the injectable one. */
    private final Clock clock = Clock.systemUTC();

    TokenIssuer(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            AccessConfig config) {
        this.issuer = issuer;
        this.youthLifetime = config.sessions().lifetime();
        this.staffLifetime = config.staff().tokenLifetime();
    }

    /** A youth token: the subject is the random session id and nothing else about the person is in it. */
    IssuedToken youth(String sessionId) {
        return sign(Jwt.claims(), sessionId, Set.of(YOUTH), youthLifetime);
    }

    /** A staff token of the account's current token generation, so that ending its tokens ends this one too. */
    IssuedToken staff(String username, Set<String> roles, long tokenGeneration) {
        return sign(Jwt.claim(StaffRevocations.CLAIM, tokenGeneration), username, roles, staffLifetime);
    }

    /** When a youth token issued now would expire: how long a deleted session must stay revoked. */
    Instant youthTokenExpiryFromNow() {
        return clock.instant().plus(youthLifetime);
    }

    private IssuedToken sign(JwtClaimsBuilder claims, String subject, Set<String> groups, Duration lifetime) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String token = claims.issuer(issuer).subject(subject).upn(subject).groups(groups)
                .issuedAt(now).expiresAt(expiresAt).sign();
        return new IssuedToken(token, "Bearer", expiresAt);
    }
}
