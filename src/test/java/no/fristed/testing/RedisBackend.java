package no.fristed.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * The test application with the cluster's Redis implementations of the chat store, chat bus, rate limits and daily
 * secret (the database stays H2): the same tests, run against the other implementation. Keys carry a prefix of their
 * own per run, so runs never see each other's state.
 */
public class RedisBackend implements QuarkusTestProfile {

    private static final String PREFIX = "fristed-test-" + UUID.randomUUID() + ":";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("fristed.cluster.enabled", "true",
                "quarkus.redis.hosts", "redis://" + ClusterServices.REDIS_HOST + ":" + ClusterServices.REDIS_PORT,
                "fristed.cluster.key-prefix", PREFIX);
    }
}
