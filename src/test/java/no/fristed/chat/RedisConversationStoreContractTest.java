package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.fristed.chat.ConversationStore.Scope;
import no.fristed.cluster.ClusterConfig;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.RedisBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract for the cluster's Redis store, and what only Redis has: every key it writes runs out, and an
 * operation locks only its own chat (or the queue).
 */
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

    @Test
    void aStalledOperationHoldsUpItsOwnChatButNoOther() throws Exception {
        Conversation a = newConversation();
        Conversation b = newConversation();
        inOperation(Scope.queue(a.id, b.id), () -> {
            store.put(a);
            store.put(b);
        });
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CompletableFuture<Void> stalled = CompletableFuture.runAsync(() -> inOperation(a, () -> {
            holding.countDown();
            awaitQuietly(letGo);
            store.get(a.id).orElseThrow().lastSeq++;
        }));
        assertTrue(holding.await(5, TimeUnit.SECONDS));

        long started = System.nanoTime();
        inOperation(b, () -> store.get(b.id).orElseThrow().lastSeq = 7);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1), "chat B did not wait for chat A");
        CompletableFuture<Void> sameChat = CompletableFuture.runAsync(
                () -> inOperation(a, () -> store.get(a.id).orElseThrow().lastSeq++));
        Thread.sleep(300);
        assertFalse(sameChat.isDone(), "a second operation on chat A waits for the stalled one");

        letGo.countDown();
        stalled.get(5, TimeUnit.SECONDS);
        sameChat.get(5, TimeUnit.SECONDS);
        assertEquals(2, store.get(a.id).orElseThrow().lastSeq, "both operations on A counted, one after the other");
        assertEquals(7, store.get(b.id).orElseThrow().lastSeq);
    }

    @Test
    void anOperationCannotChangeAChatOutsideItsScope() {
        Conversation a = newConversation();
        Conversation b = newConversation();
        inOperation(Scope.queue(a.id, b.id), () -> {
            store.put(a);
            store.put(b);
        });
        assertThrows(IllegalStateException.class, () -> inOperation(a, () -> store.get(b.id).orElseThrow().lastSeq++));
        assertThrows(IllegalStateException.class, () -> inOperation(Scope.queue(), () -> store.all().stream()
                .filter(c -> c.id.equals(b.id)).forEach(c -> c.lastSeq++)));
        assertEquals(0, store.get(b.id).orElseThrow().lastSeq);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
