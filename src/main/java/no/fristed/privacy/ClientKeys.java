package no.fristed.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import no.fristed.common.Hashes;

/**
 * Turns a client address into a key for rate limits without keeping the address: an HMAC with a random secret that
 * exists only in memory ({@link DailySecrets}) and is replaced every day (UTC), so yesterday's keys cannot be linked
 * to today's, and no key can be turned back into an address.
 */
@ApplicationScoped
public class ClientKeys {

    private record DailySecret(LocalDate day, SecretKeySpec key) {
    }

    private final DailySecrets secrets;
    private final Clock clock;
    private volatile DailySecret secret;

    ClientKeys(DailySecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public String of(String address) {
        return HexFormat.of().formatHex(Hashes.hmacSha256(current().key(), address), 0, 16);
    }

    private DailySecret current() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DailySecret known = secret;
        if (known != null && known.day().equals(today)) {
            return known;
        }
        synchronized (this) {
            if (secret == null || !secret.day().equals(today)) {
                secret = new DailySecret(today, new SecretKeySpec(secrets.of(today), "HmacSHA256"));
            }
            return secret;
        }
    }
}
