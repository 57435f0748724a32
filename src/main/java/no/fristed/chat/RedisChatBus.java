package no.fristed.chat;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import no.fristed.cluster.ClusterConfig;
import org.jboss.logging.Logger;

/**
 * The cluster's chat bus. Every frame is published on one Redis channel; every instance hears it and writes it to
 * the sockets it holds for that participant. Who is connected anywhere is a sorted set per participant of the
 * instances holding a socket, each entry with an expiry that a heartbeat keeps pushing forward, so the sockets of an
 * instance that died stop counting within seconds. The heartbeat also notices when Redis lost the chat state (a
 * restart; Redis keeps nothing on disk) and tells everyone connected here in plain words.
 */
@ApplicationScoped
@IfBuildProperty(name = "fristed.cluster.enabled", stringValue = "true")
public class RedisChatBus implements ChatBus {

    private static final Logger LOG = Logger.getLogger(RedisChatBus.class);
    private static final Duration PRESENCE_EXPIRY = Duration.ofSeconds(6);
    /** Kept alive by every heartbeat; it only runs out when no instance has been running for this long. */
    private static final Duration EPOCH_EXPIRY = Duration.ofHours(1);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private static final String PUBLISH_ALL = "for i = 1, #ARGV do redis.call('PUBLISH', KEYS[1], ARGV[i]) end return #ARGV";

    private static final int ANNOUNCE_BATCH = 500;
    /** KEYS: participants' presence sets; ARGV: expiry score, instance, now, key time to live. */
    private static final String ANNOUNCE = """
            for _, key in ipairs(KEYS) do
              redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[3])
              redis.call('ZADD', key, ARGV[1], ARGV[2])
              redis.call('PEXPIRE', key, ARGV[4])
            end
            return #KEYS""";

    private static final String LIVE = "live";
    private static final String REPLAY = "replay";
    private static final String BIND = "bind";

    private enum Subscription { OFF, STARTING, ON }

    private final RedisDataSource redis;
    private final String channel;
    private final String onlinePrefix;
    private final String epochKey;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, Set<Session>> sockets = new ConcurrentHashMap<>();
    /** One writer, so frames reach each socket in the order Redis delivered them. */
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> new Thread(r, "chat-delivery"));
    private volatile Subscription subscription = Subscription.OFF;
    /** The current subscription attempt; callbacks of older ones are ignored. */
    private final AtomicLong attempt = new AtomicLong();
    private volatile long subscribingSince;
    private volatile String epoch;

    RedisChatBus(RedisDataSource redis, ClusterConfig config) {
        this.redis = redis;
        this.channel = config.keyPrefix() + "chat:bus";
        this.onlinePrefix = config.keyPrefix() + "chat:online:";
        this.epochKey = config.keyPrefix() + "chat:epoch";
    }

    void onStart(@Observes StartupEvent event) {
        heartbeat();
    }

    void onStop(@Observes ShutdownEvent event) {
        delivery.shutdown();
        sockets.keySet().forEach(p -> RedisCalls.quietly(() -> redis.sortedSet(String.class).zrem(onlineKey(p), instance)));
    }

    @Override
    public void connect(String participant, Session socket) {
        sockets.computeIfAbsent(participant, p -> ConcurrentHashMap.newKeySet()).add(socket);
        announce(List.of(participant));
    }

    @Override
    public void disconnect(String participant, Session socket) {
        Set<Session> left = sockets.computeIfPresent(participant, (p, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
        if (left == null) {
            RedisCalls.quietly(() -> redis.sortedSet(String.class).zrem(onlineKey(participant), instance));
        }
    }

    @Override
    public void send(String participant, Frames.Outgoing frame) {
        sendAll(List.of(new Addressed(participant, frame)));
    }

    /** One round trip for all of an operation's frames (a queue change alone writes to everyone waiting). */
    @Override
    public void sendAll(List<Addressed> frames) {
        if (frames.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(PUBLISH_ALL, "1", channel));
        frames.forEach(f -> args.add(message(f.frame().replay() ? REPLAY : LIVE, f.participant(),
                f.frame().conversationId(), f.frame().loggedSeq(), f.frame().json())));
        RedisCalls.call(() -> redis.execute("EVAL", args.toArray(String[]::new)));
    }

    /** Published like a frame, so every instance applies it in the same order as the frames around it. */
    @Override
    public void bind(String participant, String conversationId, long seq) {
        RedisCalls.call(() -> redis.execute("PUBLISH", channel, message(BIND, participant, conversationId, seq, "")));
    }

    @Override
    public boolean connected(String participant) {
        if (sockets.containsKey(participant)) {
            return true;
        }
        long now = System.currentTimeMillis();
        return RedisCalls.call(() -> redis.execute("ZCOUNT", onlineKey(participant), Long.toString(now), "+inf"))
                .toLong() > 0;
    }

    /** Keeps this instance's sockets counted, the subscription alive, and watches for lost chat state. */
    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        try {
            watchEpoch();
            List<String> here = List.copyOf(sockets.keySet());
            for (int from = 0; from < here.size(); from += ANNOUNCE_BATCH) {
                announce(here.subList(from, Math.min(here.size(), from + ANNOUNCE_BATCH)));
            }
            subscribeIfNeeded();
        } catch (RuntimeException e) {
            LOG.warnf("Chat bus heartbeat failed: %s", e.getClass().getName());
        }
    }

    /** Whether frames published by any instance reach the sockets held here. */
    boolean subscribed() {
        return subscription == Subscription.ON;
    }

    /**
     * Subscribes without blocking the heartbeat: a subscription made while Redis restarts, or while the instance is
     * still starting, can take long or never answer. An attempt that has not answered in time is abandoned, and
     * whatever it later hears or says is ignored (a late one unsubscribes), so the instance never hears a frame twice.
     */
    private void subscribeIfNeeded() {
        if (subscription == Subscription.STARTING && System.nanoTime() - subscribingSince > SUBSCRIBE_TIMEOUT.toNanos()) {
            LOG.warn("Chat bus subscription did not answer; trying again");
            attempt.incrementAndGet();
            subscription = Subscription.OFF;
        }
        if (subscription != Subscription.OFF) {
            return;
        }
        long mine = attempt.incrementAndGet();
        subscription = Subscription.STARTING;
        subscribingSince = System.nanoTime();
        redis.getReactive().pubsub(String.class)
                .subscribe(List.of(channel), message -> {
                    if (mine == attempt.get()) {
                        heard(message);
                    }
                }, () -> lost(mine, "ended"), failure -> lost(mine, failure.getClass().getName()))
                .subscribe().with(started -> {
                    if (mine == attempt.get()) {
                        subscription = Subscription.ON;
                    } else {
                        started.unsubscribe().subscribe().with(done -> { }, failure -> { });
                    }
                }, failure -> lost(mine, failure.getClass().getName()));
    }

    private void lost(long which, String why) {
        if (which == attempt.get()) {
            LOG.warnf("Chat bus subscription lost: %s", why);
            subscription = Subscription.OFF;
        }
    }

    /** What goes over the channel: kind, participant, conversation (empty for control frames), seq, JSON; a line each. */
    private static String message(String kind, String participant, String conversationId, long seq, String json) {
        return String.join("\n", kind, participant, conversationId == null ? "" : conversationId, Long.toString(seq),
                json);
    }

    private void heard(String message) {
        String[] parts = message.split("\n", 5);
        if (parts.length < 5) {
            return;
        }
        String participant = parts[1];
        String conversationId = parts[2].isEmpty() ? null : parts[2];
        long seq = Long.parseLong(parts[3]);
        Set<Session> here = sockets.get(participant);
        if (here == null) {
            return;
        }
        if (BIND.equals(parts[0])) {
            delivery.execute(() -> here.forEach(socket -> SocketSupport.bind(socket, conversationId, seq)));
            return;
        }
        Frames.Outgoing frame = new Frames.Outgoing(parts[4], conversationId, seq, REPLAY.equals(parts[0]));
        delivery.execute(() -> here.forEach(socket -> {
            if (!SocketSupport.deliver(socket, frame)) {
                disconnect(participant, socket);
            }
        }));
    }

    /** Counts this instance's sockets of these participants for another few seconds, in one round trip. */
    private void announce(List<String> participants) {
        long now = System.currentTimeMillis();
        List<String> args = new ArrayList<>(List.of(ANNOUNCE, Integer.toString(participants.size())));
        participants.forEach(p -> args.add(onlineKey(p)));
        args.addAll(List.of(Long.toString(now + PRESENCE_EXPIRY.toMillis()), instance, Long.toString(now),
                Long.toString(PRESENCE_EXPIRY.toMillis() * 2)));
        RedisCalls.call(() -> redis.execute("EVAL", args.toArray(String[]::new)));
    }

    /**
     * The epoch is a random marker set once per Redis lifetime. If it changes, Redis restarted and every chat in
     * progress is gone: say so to everyone connected here, so no one waits for a reply that cannot come.
     */
    private void watchEpoch() {
        redis.execute("SET", epochKey, UUID.randomUUID().toString(), "NX");
        redis.key().pexpire(epochKey, EPOCH_EXPIRY);
        String seen = redis.value(String.class).get(epochKey);
        String known = epoch;
        epoch = seen;
        if (known != null && !known.equals(seen)) {
            LOG.warn("Chat state in Redis was lost (restart?); telling connected clients");
            String lost = Frames.of("state-lost", null)
                    .put("message", "Vi mistet samtalene på grunn av en feil hos oss. Ingenting du skrev er lagret. "
                            + "Start en ny chat, så kommer du i køen igjen.")
                    .json();
            sockets.forEach((participant, set) -> delivery.execute(() -> set.forEach(s -> SocketSupport.send(s, lost))));
        }
    }

    private String onlineKey(String participant) {
        return onlinePrefix + participant;
    }
}
