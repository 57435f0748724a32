package no.fristed.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(current().key());
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
