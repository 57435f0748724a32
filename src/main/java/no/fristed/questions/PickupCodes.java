package no.fristed.questions;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import no.fristed.common.Hashes;
import no.fristed.common.RandomCodes;
import no.fristed.common.SecretFiles;

/**
 * Pickup codes for anonymous questions: 20 characters (about 98 random bits) in groups of five, stored only as an
 * HMAC under a server secret, so a leaked database cannot be used to look codes up. The embedded default generates
 * the secret on first use; every instance of a cluster must share it.
 */
@ApplicationScoped
public class PickupCodes {

    private final Path secretFile;
    private final boolean generate;
    private volatile SecretKeySpec secret;

    PickupCodes(QuestionsConfig config) {
        this.secretFile = config.pickupSecretFile();
        this.generate = config.generateSecret();
    }

    public String newCode() {
        return RandomCodes.generate(4, 5);
    }

    public String hash(String code) {
        return HexFormat.of().formatHex(Hashes.hmacSha256(secret(), RandomCodes.normalise(code)));
    }

    private SecretKeySpec secret() {
        SecretKeySpec known = secret;
        if (known == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = new SecretKeySpec(load(), "HmacSHA256");
                }
                known = secret;
            }
        }
        return known;
    }

    private byte[] load() {
        try {
            if (!Files.exists(secretFile)) {
                if (!generate) {
                    throw new IllegalStateException("No pickup-code secret at " + secretFile
                            + " (set fristed.questions.pickup-secret-file, or allow generation)");
                }
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                SecretFiles.writeOwnerOnly(secretFile, Base64.getEncoder().encodeToString(fresh) + "\n");
            }
            return Base64.getDecoder().decode(Files.readString(secretFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
