package no.fristed.cluster;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import no.fristed.privacy.DailySecrets;

/**
 * The cluster's daily secret: the first instance to need it puts a random one in Redis (memory only, gone a little
 * after its day), so every instance turns the same address into the same rate-limit key.
 */
@ApplicationScoped
@IfBuildProperty(name = "fristed.cluster.enabled", stringValue = "true")
public class RedisDailySecrets implements DailySecrets {

    private static final Duration KEEP = Duration.ofHours(26);

    private final RedisDataSource redis;
    private final String prefix;
    private final SecureRandom random = new SecureRandom();

    RedisDailySecrets(RedisDataSource redis, ClusterConfig config) {
        this.redis = redis;
        this.prefix = config.keyPrefix() + "client-key-secret:";
    }

    @Override
    public byte[] of(LocalDate day) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = prefix + day;
        redis.execute("SET", key, Base64.getEncoder().encodeToString(bytes), "NX", "EX",
                Long.toString(KEEP.toSeconds()));
        return Base64.getDecoder().decode(redis.value(String.class).get(key));
    }
}
