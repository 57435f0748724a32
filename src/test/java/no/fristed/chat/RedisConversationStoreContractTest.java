package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import no.fristed.cluster.ClusterConfig;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.RedisBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract for the cluster's Redis store, and what only Redis has: every key it writes runs out. */
@QuarkusTest
@TestProfile(RedisBackend.class)
@ExtendWith(ClusterServices.class)
class RedisConversationStoreContractTest extends ConversationStoreContractTest {

    @Inject
    RedisDataSource redis;
    @Inject
    ClusterConfig cluster;

    @Test
    void everyChatKeyInRedisHasATimeToLive() {
        framesAreKeptInOrderAndReplayedOnlyToWhoMaySeeThem();
        counsellorPresenceIsKept();
        queueNumbersOnlyGrowAndOnlyRecentChatLengthsAreKept();
        List<String> keys = redis.key().keys(cluster.keyPrefix() + "chat:*");
        assertFalse(keys.isEmpty());
        for (String key : keys) {
            long ttl = redis.key().pttl(key);
            assertTrue(ttl > 0 && ttl <= cluster.stateTtl().toMillis(), key + " expires (pttl " + ttl + ")");
        }
    }
}
