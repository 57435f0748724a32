package no.fristed.cluster;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import no.fristed.chat.ChatBus;
import no.fristed.chat.LocalSockets;
import no.fristed.chat.protocol.Outgoing;
import org.jboss.logging.Logger;

/**
 * The cluster's chat bus. Each instance listens on a channel of its own; a message is published, by one script that
 * reads who holds the participant's sockets, only on the channels of those instances, which hand it to the sockets.
 * Who holds sockets is a sorted set per participant of instances, each entry with an expiry that a heartbeat keeps
 * pushing forward, so the sockets of an instance that died stop counting within seconds.
 */
@ApplicationScoped
@IfBuildProperty(name = "fristed.cluster.enabled", stringValue = "true")
public class RedisChatBus implements ChatBus {

    private static final Logger LOG = Logger.getLogger(RedisChatBus.class);
    private static final Duration PRESENCE_EXPIRY = Duration.ofSeconds(6);
    /**
     * Frames still go to an instance this long after its entry ran out: one that stalled (a long pause, a slow
     * heartbeat) but still holds the socket must not miss frames, while "connected" already says no.
     */
    private static final Duration DELIVERY_GRACE = Duration.ofSeconds(30);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    /** KEYS: each message's participant's presence set; ARGV: oldest expiry, channel prefix, the messages. */
    private static final String PUBLISH = LuaScripts.load("publish-to-holders");

    private static final int ANNOUNCE_BATCH = 500;
    /** KEYS: participants' presence sets; ARGV: expiry score, instance, oldest expiry to keep, key time to live. */
    private static final String ANNOUNCE = LuaScripts.load("announce");

    private static final String LIVE = "live";
    private static final String REPLAY = "replay";
    private static final String BIND = "bind";

    private enum Subscription { OFF, STARTING, ON }

    private final RedisDataSource redis;
    private final RedisCalls calls;
    private final LocalSockets sockets;
    private final String channelPrefix;
    private final String channel;
    private final String onlinePrefix;
    private final String instance = UUID.randomUUID().toString();
    /** One writer, so frames reach each socket in the order Redis delivered them. */
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> new Thread(r, "chat-delivery"));
    private volatile Subscription subscription = Subscription.OFF;
    /** The current subscription attempt; callbacks of older ones are ignored. */
    private final AtomicLong attempt = new AtomicLong();
    private volatile long subscribingSince;

    RedisChatBus(RedisDataSource redis, RedisCalls calls, LocalSockets sockets, ClusterConfig config) {
        this.redis = redis;
        this.calls = calls;
        this.sockets = sockets;
        this.channelPrefix = config.keyPrefix() + "chat:bus:";
        this.channel = channelPrefix + instance;
        this.onlinePrefix = config.keyPrefix() + "chat:online:";
    }

    void onStart(@Observes StartupEvent event) {
        heartbeat();
    }

    void onStop(@Observes ShutdownEvent event) {
        delivery.shutdown();
        sockets.participants().forEach(this::absent);
    }

    @Override
    public void present(String participant) {
        announce(List.of(participant));
    }

    @Override
    public void absent(String participant) {
        calls.quietly(() -> redis.sortedSet(String.class).zrem(onlineKey(participant), instance));
    }

    /**
     * One round trip for all of an operation's messages (a queue change alone writes to everyone waiting). Who holds
     * a participant is read in the same script that publishes, so a socket announced before it runs gets the
     * message, and one announced after it gets the messages of later operations (see README "Running as a cluster").
     */
    @Override
    public void publish(List<? extends Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(PUBLISH, Integer.toString(messages.size())));
        messages.forEach(m -> args.add(onlineKey(m.participant())));
        args.add(Long.toString(System.currentTimeMillis() - DELIVERY_GRACE.toMillis()));
        args.add(channelPrefix);
        messages.forEach(m -> args.add(encode(m)));
        calls.call(() -> redis.execute("EVAL", args.toArray(String[]::new)));
    }

    @Override
    public boolean connected(String participant) {
        if (sockets.holds(participant)) {
            return true;
        }
        long now = System.currentTimeMillis();
        return calls.call(() -> redis.execute("ZCOUNT", onlineKey(participant), Long.toString(now), "+inf"))
                .toLong() > 0;
    }

    /** Keeps this instance's sockets counted and the subscription alive. */
    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        try {
            List<String> here = List.copyOf(sockets.participants());
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
    private static String encode(Message message) {
        if (message instanceof Bind bind) {
            return String.join("\n", BIND, bind.participant(), bind.conversationId(), Long.toString(bind.seq()), "");
        }
        Outgoing frame = ((Frame) message).frame();
        return String.join("\n", frame.replay() ? REPLAY : LIVE, message.participant(),
                frame.conversationId() == null ? "" : frame.conversationId(), Long.toString(frame.loggedSeq()),
                frame.json());
    }

    private void heard(String message) {
        String[] parts = message.split("\n", 5);
        if (parts.length < 5 || !sockets.holds(parts[1])) {
            return;
        }
        String conversationId = parts[2].isEmpty() ? null : parts[2];
        long seq = Long.parseLong(parts[3]);
        Message decoded = BIND.equals(parts[0]) ? new Bind(parts[1], conversationId, seq)
                : new Frame(parts[1], new Outgoing(parts[4], conversationId, seq, REPLAY.equals(parts[0])));
        delivery.execute(() -> sockets.deliver(decoded));
    }

    /** Counts this instance's sockets of these participants for another few seconds, in one round trip. */
    private void announce(List<String> participants) {
        long now = System.currentTimeMillis();
        List<String> args = new ArrayList<>(List.of(ANNOUNCE, Integer.toString(participants.size())));
        participants.forEach(p -> args.add(onlineKey(p)));
        args.addAll(List.of(Long.toString(now + PRESENCE_EXPIRY.toMillis()), instance,
                Long.toString(now - DELIVERY_GRACE.toMillis()),
                Long.toString(PRESENCE_EXPIRY.plus(DELIVERY_GRACE).toMillis())));
        calls.call(() -> redis.execute("EVAL", args.toArray(String[]::new)));
    }

    private String onlineKey(String participant) {
        return onlinePrefix + participant;
    }
}
