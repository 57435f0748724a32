package no.fristed.chat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.RedisBackend;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ChatSafeguardingTest} against the cluster's Redis chat store and bus. */
@QuarkusTest
@TestProfile(RedisBackend.class)
@ExtendWith(ClusterServices.class)
class RedisChatSafeguardingTest extends ChatSafeguardingTest {
}
