package no.fristed.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import no.fristed.common.SecretFiles;
import org.jboss.logging.Logger;

/**
 * Makes sure the embedded default has a key pair for signing and verifying tokens: on first start, when the
 * configured key files do not exist and generation is on, it writes a new RSA pair. Production configures keys
 * shared by every instance and turns generation off.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final boolean generate;
    private final Path privateKey;
    private final Path publicKey;
    private CompletableFuture<Void> generation = CompletableFuture.completedFuture(null);

    SigningKeys(AccessConfig config) {
        this.generate = config.jwt().generateKeys();
        this.privateKey = config.jwt().privateKey();
        this.publicKey = config.jwt().publicKey();
    }

    /**
     * Generating an RSA pair is a noticeable part of a first start, so it runs beside the content sync and is
     * awaited by {@link #awaitKeys} before the start completes.
     */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (generate && !(Files.exists(privateKey) && Files.exists(publicKey))) {
            generation = CompletableFuture.runAsync(this::generatePair,
                    task -> new Thread(task, "signing-key-generation").start());
        }
    }

    void awaitKeys(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        try {
            generation.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void generatePair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SecretFiles.writeOwnerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            SecretFiles.writeOwnerOnly(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            LOG.infof("Generated a token signing key pair in %s", privateKey.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
