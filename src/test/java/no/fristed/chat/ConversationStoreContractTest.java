package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import no.fristed.chat.ConversationStore.Scope;
import no.fristed.chat.protocol.Outgoing;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationStore} must do, whichever implementation the application runs with (this class:
 * the embedded default's; {@link RedisConversationStoreContractTest}: the cluster's).
 */
@QuarkusTest
class ConversationStoreContractTest {

    @Inject
    ConversationStore store;

    @Test
    void whatAnOperationChangesIsThereForTheNextOperation() {
        Conversation c = newConversation();
        inOperation(c, () -> store.put(c));
        inOperation(c, () -> {
            Conversation read = store.get(c.id).orElseThrow();
            assertEquals(ConversationStatus.WAITING, read.status);
            read.status = ConversationStatus.ACTIVE;
            read.counsellor = "kari";
        });
        Conversation after = store.get(c.id).orElseThrow();
        assertEquals(ConversationStatus.ACTIVE, after.status);
        assertEquals("kari", after.counsellor);
        assertEquals(c.createdAt, after.createdAt);
        assertTrue(store.all().stream().anyMatch(x -> x.id.equals(c.id)));
    }

    @Test
    void framesAreKeptInOrderAndReplayedOnlyToWhoMaySeeThem() {
        Conversation c = newConversation();
        inOperation(c, () -> {
            store.put(c);
            store.append(c.id, Audience.BOTH, frame(c, 1, "til begge"));
            store.append(c.id, Audience.YOUTH, frame(c, 2, "til den unge"));
            store.append(c.id, Audience.COUNSELLOR, frame(c, 3, "til veilederen"));
            c.lastSeq = 3;
        });
        assertEquals(List.of(1L, 2L), store.framesAfter(c.id, 0, Audience.YOUTH).stream()
                .map(Outgoing::loggedSeq).toList());
        assertEquals(List.of(3L), store.framesAfter(c.id, 1, Audience.COUNSELLOR).stream()
                .map(Outgoing::loggedSeq).toList());
        assertEquals(frame(c, 1, "til begge"), store.framesAfter(c.id, 0, Audience.BOTH).get(0));
        assertEquals(3, store.get(c.id).orElseThrow().lastSeq);
    }

    @Test
    void removingAConversationRemovesEveryFrameOfIt() {
        Conversation c = newConversation();
        inOperation(c, () -> {
            store.put(c);
            store.append(c.id, Audience.BOTH, frame(c, 1, "hemmelig"));
        });
        inOperation(c, () -> store.remove(c.id));
        assertTrue(store.get(c.id).isEmpty());
        assertTrue(store.framesAfter(c.id, 0, Audience.BOTH).isEmpty());
        assertTrue(store.all().stream().noneMatch(x -> x.id.equals(c.id)));
    }

    @Test
    void counsellorPresenceIsKept() {
        String name = "ola-" + UUID.randomUUID().toString().substring(0, 6);
        inOperation(Scope.queue(), () -> {
            CounsellorPresence p = new CounsellorPresence();
            p.username = name;
            p.available = true;
            p.capacity = 4;
            p.connected = true;
            store.putCounsellor(p);
        });
        CounsellorPresence kept = store.counsellor(name).orElseThrow();
        assertEquals(4, kept.capacity);
        assertTrue(kept.available && kept.connected);
        assertTrue(store.counsellors().stream().anyMatch(p -> p.username.equals(name)));
    }

    @Test
    void queueNumbersOnlyGrowAndOnlyRecentChatLengthsAreKept() {
        long first = store.nextQueueNumber();
        assertTrue(store.nextQueueNumber() > first);
        for (long seconds = 1; seconds <= 7; seconds++) {
            store.chatLasted(seconds, 5);
        }
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), store.recentChatLengths());
    }

    @Test
    void deliveryHappensOnceAfterTheOperation() {
        AtomicInteger delivered = new AtomicInteger();
        String result = store.atomically(Scope.queue(), () -> {
            assertEquals(0, delivered.get(), "nothing is delivered while the operation runs");
            return "done";
        }, delivered::incrementAndGet);
        assertEquals("done", result);
        assertEquals(1, delivered.get());
    }

    void inOperation(Conversation c, Runnable operation) {
        inOperation(Scope.chat(c.id), operation);
    }

    void inOperation(Scope scope, Runnable operation) {
        store.atomically(scope, () -> {
            operation.run();
            return null;
        }, () -> { });
    }

    static Outgoing frame(Conversation c, long seq, String text) {
        return new Outgoing("{\"type\":\"message\",\"conversationId\":\"" + c.id + "\",\"seq\":" + seq
                + ",\"from\":\"counsellor\",\"text\":\"" + text + "\"}", c.id, seq);
    }

    static Conversation newConversation() {
        Conversation c = new Conversation();
        c.id = UUID.randomUUID().toString();
        c.statId = UUID.randomUUID().toString();
        c.youthSession = UUID.randomUUID().toString();
        c.status = ConversationStatus.WAITING;
        c.createdAt = Instant.parse("2026-12-01T13:00:00Z");
        c.queuedAt = c.createdAt;
        return c;
    }
}
