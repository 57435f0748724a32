package no.fristed.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import no.fristed.chat.ChatBus;
import no.fristed.chat.Participants;
import no.fristed.chat.protocol.Outgoing;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.RedisBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cluster's chat bus delivers a frame only to the instances that hold a socket of its participant. */
@QuarkusTest
@TestProfile(RedisBackend.class)
@ExtendWith(ClusterServices.class)
class RedisChatBusTest {

    @Inject
    RedisChatBus bus;
    @Inject
    RedisDataSource redis;
    @Inject
    ClusterConfig config;

    @Test
    void anInstanceHearsOnlyFramesForTheSocketsItHolds() throws Exception {
        String other = "other-" + UUID.randomUUID();
        String there = Participants.youth(UUID.randomUUID().toString());
        String nowhere = Participants.youth(UUID.randomUUID().toString());
        String here = Participants.counsellor("kari-" + UUID.randomUUID().toString().substring(0, 6));
        bus.present(here);
        // Another instance holding a socket of "there", announced as its heartbeat would.
        redis.sortedSet(String.class).zadd(config.keyPrefix() + "chat:online:" + there,
                System.currentTimeMillis() + 6000, other);
        LinkedBlockingDeque<String> heard = new LinkedBlockingDeque<>();
        PubSubCommands.RedisSubscriber subscriber = redis.pubsub(String.class)
                .subscribe(config.keyPrefix() + "chat:bus:" + other, heard::add);
        try {
            bus.publish(List.of(frame(nowhere, "til ingen"), frame(here, "til denne"), frame(there, "til den andre")));
            String first = heard.poll(5, TimeUnit.SECONDS);
            assertTrue(first != null && first.contains(there) && first.endsWith("til den andre"), first);
            assertNull(heard.poll(500, TimeUnit.MILLISECONDS), "the other instance hears nothing else");

            bus.publish(List.of(frame(here, "bare her")));
            assertNull(heard.poll(500, TimeUnit.MILLISECONDS), "nothing for an instance with no recipient");
            assertEquals(0, heard.size());
        } finally {
            subscriber.unsubscribe();
            bus.absent(here);
        }
    }

    private static ChatBus.Frame frame(String participant, String text) {
        return new ChatBus.Frame(participant, Outgoing.control(text));
    }
}
