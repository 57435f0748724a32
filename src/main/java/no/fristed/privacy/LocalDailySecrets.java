package no.fristed.privacy;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.LocalDate;

/** The embedded default's daily secret: in this process's memory only. */
@ApplicationScoped
@DefaultBean
public class LocalDailySecrets implements DailySecrets {

    private record Secret(LocalDate day, byte[] bytes) {
    }

    private final SecureRandom random = new SecureRandom();
    private Secret secret;

    @Override
    public synchronized byte[] of(LocalDate day) {
        if (secret == null || !secret.day().equals(day)) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            secret = new Secret(day, bytes);
        }
        return secret.bytes();
    }
}
