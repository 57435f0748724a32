package no.fristed.chat;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import no.fristed.chat.protocol.FrameCodec;
import no.fristed.chat.protocol.Outgoing;
import no.fristed.chat.protocol.ServerFrame;
import no.fristed.chat.queue.QueueOrder;
import no.fristed.chat.queue.Staffing;
import org.jboss.logging.Logger;

/**
 * Tells the queue at most once per {@link #INTERVAL}, however often it changes, as it is at that moment: counsellors
 * on duty get its first {@link #SHOWN} chats (urgent first), any further chat that asked for them, and how many wait
 * in all; waiting young people whose place or wait changed get their new place. A busy evening changes the queue
 * many times a second, and a frame per counsellor and per waiting young person for every change grows with
 * (counsellors + waiting) × changes. Counsellors whom no waiting chat asked for all get the same frame, written once.
 */
@ApplicationScoped
class QueueUpdates {

    /** Short enough to show a new chat at once, long enough to fold a burst of arrivals and claims into one frame. */
    static final Duration INTERVAL = Duration.ofMillis(250);
    /** More than a counsellor reads before taking the next chat; the rest are counted. */
    static final int SHOWN = 20;
    private static final Logger LOG = Logger.getLogger(QueueUpdates.class);

    private final ConversationStore store;
    private final ChatBus bus;
    private final FrameCodec codec;
    private final ChatConfig config;
    private final Clock clock;
    /** What each waiting young person was last told by this instance, so an unchanged place is not sent again. */
    private final Map<String, ServerFrame.Queued> told = new HashMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chat-queue-updates");
        thread.setDaemon(true);
        return thread;
    });

    QueueUpdates(ConversationStore store, ChatBus bus, FrameCodec codec, ChatConfig config, Clock clock) {
        this.config = config;
        this.store = store;
        this.bus = bus;
        this.codec = codec;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** The queue or the counsellors on duty changed: everyone concerned hears of it within the interval. */
    void changed() {
        if (pending.compareAndSet(false, true)) {
            timer.schedule(this::send, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void send() {
        // A change from now on sends again: none is missed, at worst one is sent twice.
        pending.set(false);
        try {
            Outbox out = new Outbox(store, bus, codec);
            store.atomically(ConversationStore.Scope.queue(), () -> {
                queue(out);
                return null;
            }, out::flush);
        } catch (RuntimeException e) {
            LOG.errorf("Sending the queue failed: %s", e.getClass().getName());
        }
    }

    /** A waiting young person's place, with an honest wait estimate. */
    static ServerFrame.Queued place(int position, Staffing staffing) {
        return new ServerFrame.Queued(position, staffing.estimate(position), staffing.anyoneOnDuty());
    }

    Staffing staffing() {
        return Staffing.of(store.all(), store.counsellors(), store.recentChatLengths(),
                Duration.ofMinutes(config.assumedChatMinutes()));
    }

    private void queue(Outbox out) {
        List<Conversation> waiting = QueueOrder.waiting(store.all());
        Staffing staffing = staffing();
        for (int i = 0; i < waiting.size(); i++) {
            Conversation c = waiting.get(i);
            ServerFrame.Queued place = place(i + 1, staffing);
            boolean changedHere = !place.equals(told.put(c.id, place));
            // With a shared store another instance may have told them a different place since.
            if (changedHere || store.sharedByInstances()) {
                out.send(Participants.youth(c.youthSession), c, place);
            }
        }
        told.keySet().retainAll(waiting.stream().map(c -> c.id).collect(Collectors.toSet()));
        Set<String> requested = waiting.stream().map(c -> c.requestedCounsellor).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Instant now = clock.instant();
        Outgoing common = null;
        for (CounsellorPresence p : store.counsellors()) {
            if (!p.connected) {
                continue;
            }
            Outgoing frame;
            if (requested.contains(p.username)) {
                frame = frame(waiting, p.username, now);
            } else {
                common = common == null ? frame(waiting, null, now) : common;
                frame = common;
            }
            out.to(Participants.counsellor(p.username), frame);
        }
    }

    /** The queue for one counsellor ({@code requestedYou} marks chats that asked for them), or for anyone. */
    private Outgoing frame(List<Conversation> waiting, String username, Instant now) {
        List<ServerFrame.QueueItem> items = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            Conversation c = waiting.get(i);
            boolean requestedYou = username != null && username.equals(c.requestedCounsellor);
            if (i < SHOWN || requestedYou) {
                items.add(new ServerFrame.QueueItem(c.id, c.topic, c.ageBand,
                        Duration.between(c.queuedAt, now).toSeconds(), requestedYou, c.urgent));
            }
        }
        return codec.control(null, 0, new ServerFrame.Queue(items, waiting.size()));
    }
}
