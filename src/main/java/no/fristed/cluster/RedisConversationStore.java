package no.fristed.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import no.fristed.chat.Audience;
import no.fristed.chat.ChatTexts;
import no.fristed.chat.Conversation;
import no.fristed.chat.ConversationStore;
import no.fristed.chat.ConversationStore.Scope;
import no.fristed.chat.CounsellorPresence;
import no.fristed.chat.LocalSockets;
import no.fristed.chat.protocol.FrameCodec;
import no.fristed.chat.protocol.Outgoing;
import no.fristed.chat.protocol.ServerFrame;
import org.jboss.logging.Logger;

/**
 * The cluster's conversation store: chat state and frame logs in Redis, with a time to live, shared by every
 * instance. An operation holds lock keys for its scope (its conversation's, or the queue's and those of the
 * conversations it names), taken all at once or not at all; what it read is its own copy, and its changes are
 * written in one script that first checks the locks are still its own, so an instance that stalled past a lock's
 * expiry cannot overwrite a newer state.
 */
@ApplicationScoped
@IfBuildProperty(name = "fristed.cluster.enabled", stringValue = "true")
public class RedisConversationStore implements ConversationStore {

    /** Longer than any chat operation; an instance that dies holding the lock blocks the chat at most this long. */
    private static final Duration LOCK_EXPIRY = Duration.ofSeconds(10);
    /** Longer than the expiry, so an operation outwaits the lock of an instance that died holding it. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(12);
    /** Kept alive by every check; it only runs out when no instance has been running for this long. */
    private static final Duration EPOCH_EXPIRY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(RedisConversationStore.class);

    /**
     * Every conversation and presence: the last two KEYS are their index sets, the last two ARGV their key prefixes.
     * Returns each index's members followed by their values (nil where a value has expired).
     */
    private static final String SNAPSHOT = LuaScripts.load("snapshot");

    /** The locks (KEYS[1..n], token ARGV[1], expiry in ms ARGV[2], n ARGV[3]) and, once taken, the snapshot. */
    private static final String ACQUIRE_QUEUE = LuaScripts.load("acquire") + SNAPSHOT;
    /** The conversation's lock and, once taken, the conversation (the last KEYS). */
    private static final String ACQUIRE_CHAT = LuaScripts.load("acquire") + LuaScripts.load("read-one");

    private static final String QUEUE_NUMBER = LuaScripts.load("queue-number");
    private static final String CHAT_LENGTHS = LuaScripts.load("chat-lengths");

    private static final String RELEASE = LuaScripts.load("release");

    /**
     * KEYS: the locks. ARGV: lock token, ttl in ms, then operations of three words each: set/sadd/srem/del/rpush,
     * key, value.
     */
    private static final String COMMIT = LuaScripts.load("commit");

    private record Logged(long seq, Audience audience, String json) {
    }

    /** A member of an index set whose value has expired. */
    private record Vanished(String index, String member) {
    }

    /** One kind of state kept as JSON values listed in an index set: conversations, or counsellor presences. */
    private record Kind<T>(Class<T> type, String index, String keyPrefix) {

        String key(String id) {
            return keyPrefix + id;
        }
    }

    /** The copies of one kind that an operation has read (and how they read, to write back only what changed). */
    private static final class Copies<T> {
        final Map<String, T> items = new LinkedHashMap<>();
        final Map<String, String> asRead = new HashMap<>();
        final Set<String> removed = new HashSet<>();
    }

    /** What one operation read and changed. */
    private static final class Work {
        final Scope scope;
        final String token;
        final List<String> locks;
        final Copies<Conversation> conversations = new Copies<>();
        final Copies<CounsellorPresence> counsellors = new Copies<>();
        final Set<Vanished> vanished = new HashSet<>();
        final Map<String, List<Logged>> appended = new LinkedHashMap<>();
        /** Whether every conversation and presence has been read (at once for the queue, on demand for a chat). */
        boolean everything;

        Work(Scope scope, String token, List<String> locks) {
            this.scope = scope;
            this.token = token;
            this.locks = locks;
        }

        /** Whether the operation may change the conversation: its scope names it, or the queue's creates it. */
        boolean mayChange(String conversationId) {
            return scope.covers(conversationId) || scope.withQueue() && !conversations.asRead.containsKey(conversationId);
        }
    }

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final RedisCalls calls;
    private final LocalSockets sockets;
    private final FrameCodec codec;
    private final ChatTexts texts;
    private final String epochKey;
    private volatile String epoch;
    private final long ttlMillis;
    private final String queueLock;
    private final Kind<Conversation> conversations;
    private final Kind<CounsellorPresence> counsellors;
    private final String prefix;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Work> current = new ThreadLocal<>();
    /** One operation per instance competes for the queue's lock at a time; chats' locks are rarely contended. */
    private final ReentrantLock localQueueLock = new ReentrantLock(true);

    RedisConversationStore(RedisDataSource redis, ObjectMapper json, ClusterConfig config, RedisCalls calls,
            LocalSockets sockets, FrameCodec codec, ChatTexts texts) {
        this.redis = redis;
        this.json = json;
        this.calls = calls;
        this.sockets = sockets;
        this.codec = codec;
        this.texts = texts;
        this.epochKey = config.keyPrefix() + "chat:epoch";
        this.ttlMillis = config.stateTtl().toMillis();
        this.prefix = config.keyPrefix() + "chat:";
        this.queueLock = prefix + "lock:queue";
        this.conversations = new Kind<>(Conversation.class, prefix + "conversations", prefix + "conversation:");
        this.counsellors = new Kind<>(CounsellorPresence.class, prefix + "counsellors", prefix + "counsellor:");
    }

    @Override
    public <T> T atomically(Scope scope, Supplier<T> operation, Runnable deliver) {
        Work outer = current.get();
        if (outer != null) {
            if (scope.withQueue() && !outer.scope.withQueue() || !outer.scope.conversations().containsAll(scope.conversations())) {
                throw new IllegalStateException("A nested chat operation reaches beyond the one around it");
            }
            return operation.get();
        }
        if (scope.withQueue()) {
            localQueueLock.lock();
        }
        try {
            Work work = acquire(scope);
            current.set(work);
            try {
                T result = operation.get();
                commit(work);
                deliver.run();
                return result;
            } finally {
                current.remove();
                List<String> args = new ArrayList<>(List.of(RELEASE, Integer.toString(work.locks.size())));
                args.addAll(work.locks);
                args.add(work.token);
                calls.quietly(() -> redis.execute("EVAL", args.toArray(String[]::new)));
            }
        } finally {
            if (scope.withQueue()) {
                localQueueLock.unlock();
            }
        }
    }

    @Override
    public boolean sharedByInstances() {
        return true;
    }

    @Override
    public long nextQueueNumber() {
        return calls.call(() -> redis.execute("EVAL", QUEUE_NUMBER, "1", prefix + "queue-number", Long.toString(ttlMillis))).toLong();
    }

    @Override
    public void chatLasted(long seconds, int keep) {
        String key = prefix + "chat-lengths";
        calls.call(() -> redis.execute("EVAL", CHAT_LENGTHS, "1", key, Long.toString(seconds),
                Integer.toString(keep), Long.toString(ttlMillis)));
    }

    @Override
    public List<Long> recentChatLengths() {
        return calls.call(() -> redis.list(String.class).lrange(prefix + "chat-lengths", 0, -1)).stream()
                .map(Long::valueOf).toList();
    }

    @Override
    public void put(Conversation conversation) {
        Work work = work();
        requireMayChange(work, conversation.id);
        Copies<Conversation> copies = work.conversations;
        copies.removed.remove(conversation.id);
        copies.items.put(conversation.id, conversation);
    }

    @Override
    public Optional<Conversation> get(String id) {
        Work work = current.get();
        if (work != null && !work.everything && !work.scope.covers(id) && !work.conversations.items.containsKey(id)) {
            // Read now, and kept with the operation's copies so that a change to it is caught as out of scope.
            read(conversations, work.conversations, id);
        }
        return one(conversations, copies(w -> w.conversations), id);
    }

    @Override
    public Collection<Conversation> all() {
        return every(w -> w.conversations);
    }

    @Override
    public void remove(String id) {
        Work work = work();
        requireMayChange(work, id);
        work.conversations.items.remove(id);
        work.conversations.removed.add(id);
        work.appended.remove(id);
    }

    @Override
    public void append(String conversationId, Audience audience, Outgoing frame) {
        requireMayChange(work(), conversationId);
        work().appended.computeIfAbsent(conversationId, id -> new ArrayList<>())
                .add(new Logged(frame.loggedSeq(), audience, frame.json()));
    }

    @Override
    public List<Outgoing> framesAfter(String conversationId, long seq, Audience party) {
        List<Logged> frames = new ArrayList<>(calls.call(() -> redis.list(String.class)
                .lrange(framesKey(conversationId), 0, -1)).stream().map(s -> read(s, Logged.class)).toList());
        Work work = current.get();
        if (work != null) {
            frames.addAll(work.appended.getOrDefault(conversationId, List.of()));
        }
        return frames.stream().filter(f -> f.seq() > seq && f.audience().includes(party))
                .map(f -> new Outgoing(f.json(), conversationId, f.seq())).toList();
    }

    @Override
    public void putCounsellor(CounsellorPresence presence) {
        if (!work().scope.withQueue()) {
            throw new IllegalStateException("Counsellor presence changes only in the queue's scope");
        }
        work().counsellors.items.put(presence.username, presence);
    }

    @Override
    public Optional<CounsellorPresence> counsellor(String username) {
        Work work = current.get();
        return one(counsellors, work == null || !work.everything ? null : work.counsellors, username);
    }

    @Override
    public Collection<CounsellorPresence> counsellors() {
        return every(w -> w.counsellors);
    }

    /**
     * The epoch is a random marker set once per Redis lifetime. If it changes, Redis restarted and every chat in
     * progress is gone: say so to everyone connected here, so no one waits for a reply that cannot come.
     */
    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watchEpoch() {
        try {
            redis.execute("SET", epochKey, UUID.randomUUID().toString(), "NX");
            redis.key().pexpire(epochKey, EPOCH_EXPIRY);
            String seen = redis.value(String.class).get(epochKey);
            String known = epoch;
            epoch = seen;
            if (known != null && !known.equals(seen)) {
                LOG.warn("Chat state in Redis was lost (restart?); telling connected clients");
                sockets.broadcast(codec.control(null, 0, new ServerFrame.StateLost(texts.stateLost())));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Chat state epoch check failed: %s", e.getClass().getName());
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    /**
     * Takes the scope's locks and, in the same round trip, reads what the operation works on: a chat's conversation,
     * or for the queue every conversation and presence (nearly every queue operation needs them all, and round
     * trips, not parsing, are what an operation under the lock costs).
     */
    private Work acquire(Scope scope) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        List<String> locks = new ArrayList<>();
        if (scope.withQueue()) {
            locks.add(queueLock);
        }
        scope.conversations().stream().sorted().forEach(id -> locks.add(prefix + "lock:" + id));
        List<String> args = new ArrayList<>(List.of("EVAL", scope.withQueue() ? ACQUIRE_QUEUE : ACQUIRE_CHAT));
        if (scope.withQueue()) {
            args.add(Integer.toString(locks.size() + 2));
            args.addAll(locks);
            args.addAll(List.of(conversations.index(), counsellors.index(), token,
                    Long.toString(LOCK_EXPIRY.toMillis()), Integer.toString(locks.size()), conversations.keyPrefix(),
                    counsellors.keyPrefix()));
        } else {
            args.add(Integer.toString(locks.size() + 1));
            args.addAll(locks);
            args.addAll(List.of(conversations.key(scope.conversations().iterator().next()), token,
                    Long.toString(LOCK_EXPIRY.toMillis()), Integer.toString(locks.size())));
        }
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        long pause = 1;
        while (true) {
            Response taken = calls.call(() -> redis.execute(args.get(0), args.subList(1, args.size())
                    .toArray(String[]::new)));
            if (taken != null) {
                Work work = new Work(scope, token, List.copyOf(locks));
                if (scope.withQueue()) {
                    loaded(work, taken);
                } else {
                    String id = scope.conversations().iterator().next();
                    Response value = taken.get(0);
                    if (value != null) {
                        work.conversations.items.put(id, read(value.toString(), Conversation.class));
                        work.conversations.asRead.put(id, value.toString());
                    }
                }
                return work;
            }
            if (System.nanoTime() > deadline) {
                throw calls.unavailable();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw calls.unavailable();
            }
            pause = Math.min(pause * 2, 20);
        }
    }

    private void commit(Work work) {
        List<String> args = new ArrayList<>(List.of("EVAL", COMMIT, Integer.toString(work.locks.size())));
        args.addAll(work.locks);
        args.addAll(List.of(work.token, Long.toString(ttlMillis)));
        int nothing = args.size();
        save(conversations, work.conversations, false, work::mayChange, args);
        if (work.scope.withQueue()) {
            // Presences are few and may sit unchanged through a long shift: every read renews them.
            save(counsellors, work.counsellors, true, id -> true, args);
        }
        work.appended.forEach((id, frames) -> frames.forEach(f -> args.addAll(List.of("rpush", framesKey(id), write(f)))));
        work.conversations.removed.forEach(id -> args.addAll(List.of("del", framesKey(id), "")));
        work.vanished.forEach(v -> args.addAll(List.of("srem", v.index(), v.member())));
        if (args.size() == nothing) {
            return;
        }
        Response committed = calls.call(() -> redis.execute(args.get(0),
                args.subList(1, args.size()).toArray(String[]::new)));
        if (committed == null || committed.toLong() != 1) {
            // A lock expired under us and another operation may have run: nothing of ours was written.
            throw calls.unavailable();
        }
    }

    private static void requireMayChange(Work work, String conversationId) {
        if (!work.mayChange(conversationId)) {
            throw new IllegalStateException("A chat operation changes a conversation outside its scope");
        }
    }

    /** One conversation read straight from Redis into an operation's copies. */
    private void read(Kind<Conversation> kind, Copies<Conversation> copies, String id) {
        String value = calls.call(() -> redis.value(String.class).get(kind.key(id)));
        if (value != null) {
            copies.items.put(id, read(value, kind.type()));
            copies.asRead.put(id, value);
        }
    }

    /** Adds every conversation and presence from a snapshot script's answer to the copies not read yet. */
    private Work loaded(Work work, Response snapshot) {
        fill(conversations, work.conversations, snapshot.get(0), snapshot.get(1), work);
        fill(counsellors, work.counsellors, snapshot.get(2), snapshot.get(3), work);
        work.everything = true;
        return work;
    }

    private <T> void fill(Kind<T> kind, Copies<T> copies, Response ids, Response values, Work work) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).toString();
            Response value = values.get(i);
            if (copies.items.containsKey(id) || copies.removed.contains(id) || copies.asRead.containsKey(id)) {
                continue;
            }
            if (value == null) {
                work.vanished.add(new Vanished(kind.index(), id));
            } else {
                copies.items.put(id, read(value.toString(), kind.type()));
                copies.asRead.put(id, value.toString());
            }
        }
    }

    /**
     * Adds the writes of what changed (or of everything), and the deletes of what was removed, to a commit; what
     * changed where the operation may not change anything is a programming error.
     */
    private <T> void save(Kind<T> kind, Copies<T> copies, boolean renewAll, Predicate<String> mayChange,
            List<String> args) {
        copies.items.forEach((id, item) -> {
            String now = write(item);
            boolean changed = !now.equals(copies.asRead.get(id));
            if (changed && !mayChange.test(id)) {
                throw new IllegalStateException("A chat operation changed a conversation outside its scope");
            }
            if (renewAll || changed) {
                args.addAll(List.of("set", kind.key(id), now, "sadd", kind.index(), id));
            }
        });
        copies.removed.forEach(id -> args.addAll(List.of("del", kind.key(id), "", "srem", kind.index(), id)));
    }

    /** The current operation's copies of a kind, or null outside an operation (reads then go straight to Redis). */
    private <T> Copies<T> copies(java.util.function.Function<Work, Copies<T>> kind) {
        Work work = current.get();
        return work == null ? null : kind.apply(work);
    }

    private <T> Optional<T> one(Kind<T> kind, Copies<T> copies, String id) {
        if (copies == null) {
            return Optional.ofNullable(read(calls.call(() -> redis.value(String.class).get(kind.key(id))), kind.type()));
        }
        return copies.removed.contains(id) ? Optional.empty() : Optional.ofNullable(copies.items.get(id));
    }

    /**
     * Inside an operation its copies (a chat's operation reads the others when it first asks); outside (metrics,
     * tests) a fresh snapshot, read but never saved.
     */
    private <T> Collection<T> every(java.util.function.Function<Work, Copies<T>> kind) {
        Work work = current.get();
        if (work == null || !work.everything) {
            Response snapshot = calls.call(() -> redis.execute("EVAL", SNAPSHOT, "2", conversations.index(),
                    counsellors.index(), conversations.keyPrefix(), counsellors.keyPrefix()));
            work = loaded(work != null ? work : new Work(Scope.queue(), null, List.of()), snapshot);
        }
        Copies<T> copies = kind.apply(work);
        return copies.items.entrySet().stream().filter(e -> !copies.removed.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    private Work work() {
        return Objects.requireNonNull(current.get(), "chat state changes only inside atomically()");
    }

    private String framesKey(String id) {
        return prefix + "frames:" + id;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chat state could not be written as JSON", e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chat state in Redis is not what this version writes", e);
        }
    }
}
