package no.fristed.chat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.RedisBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ChatLoadWithFaultsTest} against the cluster's Redis chat store and bus: nothing lost or duplicated while
 * counsellors drop. Every operation takes the one cluster lock and a few Redis round trips, so under this load
 * (20 counsellors racing to claim each of 200 chats on 2 cores) frames take longer than the usual 10-second wait
 * (README, "Known gaps").
 */
@QuarkusTest
@TestProfile(RedisBackend.class)
@ExtendWith(ClusterServices.class)
class RedisChatLoadWithFaultsTest extends ChatLoadWithFaultsTest {

    @BeforeEach
    void waitLongerUnderOneClusterLock() {
        ChatClient.waitAtMost(Duration.ofSeconds(60));
    }

    @AfterEach
    void usualWaitAgain() {
        ChatClient.waitAtMost(ChatClient.USUAL_WAIT);
    }
}
