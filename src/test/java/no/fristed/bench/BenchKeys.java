package no.fristed.bench;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.fristed.testing.TestTokens;

/**
 * A token key pair made for one benchmark run, the server's {@code FRISTED_JWT_*} key files, and counsellor tokens
 * signed with it for {@link ChatLoad} (the chat accepts a valid counsellor token without an account behind it).
 */
public final class BenchKeys {

    private final KeyPair pair;
    private final Path privateKey;
    private final Path publicKey;

    private BenchKeys(KeyPair pair, Path privateKey, Path publicKey) {
        this.pair = pair;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new RSA key pair, written as PEM files into the directory. */
    public static BenchKeys generate(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Path privateKey = directory.resolve("jwt-private.pem");
            Path publicKey = directory.resolve("jwt-public.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new BenchKeys(pair, privateKey, publicKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's environment for these keys (and no key generation of its own). */
    public Map<String, String> environment() {
        return Map.of("FRISTED_JWT_PRIVATE_KEY", privateKey.toAbsolutePath().toString(),
                "FRISTED_JWT_PUBLIC_KEY", publicKey.toAbsolutePath().toString(),
                "FRISTED_JWT_GENERATE_KEYS", "false");
    }

    /** Writes {@code count} counsellor tokens (bench-0, bench-1, …), one a line, for {@code ChatLoad --staff-tokens}. */
    public Path counsellorTokens(Path file, int count) {
        return counsellorTokens(file, 0, count);
    }

    /** Writes tokens of counsellors bench-{@code first} onwards, for runs that each need counsellors of their own. */
    public Path counsellorTokens(Path file, int first, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            tokens.add(Jwt.issuer(TestTokens.ISSUER).upn("bench-" + i).groups(Set.of("counsellor"))
                    .expiresIn(Duration.ofHours(2)).sign(pair.getPrivate()));
        }
        try {
            return Files.write(file, tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }
}
