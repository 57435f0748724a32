package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.fristed.access.SessionRevocations;
import no.fristed.canned.CannedDocument;
import no.fristed.canned.CannedService;
import no.fristed.catalogue.CatalogueSearch;
import no.fristed.catalogue.OpeningHours;
import no.fristed.catalogue.ServiceView;
import no.fristed.catalogue.Taxonomy;
import no.fristed.common.RateLimits;
import no.fristed.facts.AgeBand;
import no.fristed.facts.FactLibrary;
import no.fristed.facts.PublishedFact;
import no.fristed.privacy.PrivacyGuard;

/**
 * The live chat: queue, claims, relay, transfers, endings, reconnects and the ephemeral frame logs. Every operation
 * has the chat state to itself ({@link ConversationStore#atomically}) and collects what to send and store in an
 * {@link Outbox}, which the store carries out once the state is saved. Message text only ever goes to the
 * {@link ConversationStore}.
 */
@ApplicationScoped
public class ChatService {

    /** Which way a young person wants a message with personal data in it sent. */
    public enum PiiChoice implements no.fristed.common.Coded { REDACT, SEND_ANYWAY }

    private static final int RECENT_CHATS = 50;
    private static final List<String> WRAP_UP_OUTCOMES = List.of("talked", "referred", "emergency", "no-contact");

    private final ConversationStore store;
    private final ChatBus bus;
    private final ChatRecords records;
    private final ChatHours hours;
    private final ChatConfig config;
    private final PrivacyGuard guard;
    private final RateLimits limits;
    private final CatalogueSearch catalogue;
    private final FactLibrary facts;
    private final CannedService canned;
    private final Clock clock;
    private final ChatMetrics metrics;
    private final Taxonomy taxonomy;
    private final SessionRevocations revocations;
    private final RateLimits.Limit messageLimit;
    private final RateLimits.Limit openLimit;
    private final RateLimits.Limit signalLimit;

    ChatService(ConversationStore store, ChatBus bus, ChatRecords records, ChatHours hours, ChatConfig config,
            PrivacyGuard guard, RateLimits limits, CatalogueSearch catalogue, FactLibrary facts, CannedService canned,
            Clock clock, ChatMetrics metrics, Taxonomy taxonomy, SessionRevocations revocations) {
        this.store = store;
        this.bus = bus;
        this.records = records;
        this.hours = hours;
        this.config = config;
        this.guard = guard;
        this.limits = limits;
        this.catalogue = catalogue;
        this.facts = facts;
        this.canned = canned;
        this.clock = clock;
        this.metrics = metrics;
        this.taxonomy = taxonomy;
        this.revocations = revocations;
        this.messageLimit = new RateLimits.Limit("chat-message", config.messagesPerMinute(), Duration.ofMinutes(1));
        this.openLimit = new RateLimits.Limit("chat-open", config.opensPerHour(), Duration.ofHours(1));
        this.signalLimit = new RateLimits.Limit("chat-signal", config.signalsPerMinute(), Duration.ofMinutes(1));
    }

    static String youth(String session) {
        return "youth:" + session;
    }

    static String counsellor(String username) {
        return username == null ? null : "counsellor:" + username;
    }

    // ---- young people -------------------------------------------------------------------------------------------

    void youthConnected(String session, jakarta.websocket.Session socket) {
        bus.connect(youth(session), socket);
        // Only the new socket: the session's other sockets are ready already.
        SocketSupport.send(socket, Frames.of("ready", null).put("role", "youth").put("open", hours.openNow()).json());
    }

    void youthDisconnected(String session, jakarta.websocket.Session socket) {
        bus.disconnect(youth(session), socket);
        update(out -> {
            if (bus.connected(youth(session))) {
                return;
            }
            liveOf(session).forEach(c -> {
                c.youthConnected = false;
                c.youthLeftAt = clock.instant();
                out.to(counsellor(c.counsellor), Frames.of("reconnecting", c).json());
            });
        });
    }

    void open(String session, String topic, String ageBand, String continuationCode) {
        // Both end up in the statistics: only known values, and a refusal never repeats what was sent.
        if (topic != null && !taxonomy.isTopic(topic)) {
            throw new ChatException("bad-frame", "topic must be one of the topic ids of GET /api/v1/topics");
        }
        if (ageBand != null && AgeBand.parse(ageBand).isEmpty()) {
            throw new ChatException("bad-frame", "ageBand must be 13-15, 16-17 or 18-25");
        }
        take(openLimit, youth(session), "You have opened and cancelled many chats; wait a little");
        Instant now = clock.instant();
        // Asked of the database, like blocks, to see a deletion another instance made a moment ago.
        if (revocations.isRevokedAnywhere(session)) {
            throw new ChatException("unauthenticated", "This session was deleted");
        }
        if (records.blocked(session, now)) {
            throw new ChatException("blocked", "This session cannot open chats for a while");
        }
        Optional<String> requested = continuationCode == null ? Optional.empty()
                : records.counsellorFor(continuationCode, now);
        update(out -> {
            // "Delete everything now" revokes the session before it wipes under this lock, so a chat opened here is
            // either wiped or never opened (a database query here would hold up every chat).
            if (revocations.isRevoked(session)) {
                throw new ChatException("unauthenticated", "This session was deleted");
            }
            if (!liveOf(session).isEmpty()) {
                throw new ChatException("already-open", "You already have a chat; resume it instead");
            }
            if (!hours.openNow()) {
                out.to(youth(session), closedFrame());
                return;
            }
            Conversation c = new Conversation();
            c.id = UUID.randomUUID().toString();
            c.statId = UUID.randomUUID().toString();
            c.youthSession = session;
            c.topic = topic;
            c.ageBand = ageBand;
            c.status = ConversationStatus.WAITING;
            c.createdAt = now;
            c.queuedAt = now;
            c.queueNumber = store.nextQueueNumber();
            c.requestedCounsellor = requested.orElse(null);
            store.put(c);
            bus.bind(youth(session), c.id, c.lastSeq);
            if (continuationCode != null) {
                out.to(youth(session), Frames.of("continuation", c).put("matched", requested.isPresent()).json());
            }
            queueChanged(out);
        });
    }

    void resumeYouth(String session, String conversationId, long lastSeq) {
        update(out -> {
            Conversation c = ownedBy(session, conversationId);
            c.youthConnected = true;
            c.youthLeftAt = null;
            bus.bind(youth(session), c.id, c.lastSeq);
            store.framesAfter(c.id, lastSeq, Audience.YOUTH).forEach(frame -> out.to(youth(session), frame.replayed()));
            out.to(youth(session), Frames.of("resumed", c).put("status", c.status.code()).json());
            if (c.status == ConversationStatus.ACTIVE) {
                out.to(counsellor(c.counsellor), Frames.of("youth-back", c).json());
            }
            if (c.status == ConversationStatus.WAITING) {
                queueChanged(out);
            }
        });
    }

    void youthMessage(String session, String conversationId, String clientMessageId, String text, PiiChoice choice) {
        checkLength(text);
        // The privacy guard is the costly part: only for this young person's active chat (checked again under the lock).
        requireStatus(ownedBy(session, conversationId), ConversationStatus.ACTIVE, "No counsellor has joined yet");
        take(messageLimit, session, "You are sending messages very fast; wait a little");
        PrivacyGuard.Result check = guard.check(text);
        update(out -> {
            Conversation c = ownedBy(session, conversationId);
            requireStatus(c, ConversationStatus.ACTIVE, "No counsellor has joined yet");
            if (!check.clean() && choice == null) {
                out.to(youth(session), Frames.of("pii-warning", c).put("clientMessageId", clientMessageId)
                        .put("found", check.findings().stream().map(f -> f.kind().code()).distinct().toList())
                        .put("redacted", check.redacted())
                        .put("message", "Du trenger ikke dele dette. Send uten, endre meldingen, eller send likevel.")
                        .json());
                return;
            }
            boolean redacted = !check.clean() && choice == PiiChoice.REDACT;
            Frames.Outgoing message = store.append(c, Audience.BOTH, Frames.of("message", c).put("from", "youth")
                    .put("text", redacted ? check.redacted() : text).put("clientMessageId", clientMessageId)
                    .put("redacted", redacted));
            out.to(youth(session), message);
            out.to(counsellor(c.counsellor), message);
            if (bus.connected(counsellor(c.counsellor))) {
                out.to(youth(session), Frames.of("delivered", c).put("clientMessageId", clientMessageId).json());
            }
        });
    }

    void youthTyping(String session, String conversationId) {
        take(signalLimit, youth(session), "Too many typing signals and read receipts; wait a little");
        update(out -> {
            Conversation c = ownedBy(session, conversationId);
            out.to(counsellor(c.counsellor), Frames.of("typing", c).put("from", "youth").json());
        });
    }

    void youthRead(String session, String conversationId, long upToSeq) {
        take(signalLimit, youth(session), "Too many typing signals and read receipts; wait a little");
        update(out -> {
            Conversation c = ownedBy(session, conversationId);
            if (readsFurther(c, upToSeq, c.youthReadUpTo)) {
                logToBoth(c, Frames.of("read", c).put("by", "youth").put("upToSeq", upToSeq), out);
                c.youthReadUpTo = c.lastSeq;
            }
        });
    }

    void cancel(String session, String conversationId) {
        take(openLimit, youth(session), "You have opened and cancelled many chats; wait a little");
        update(out -> {
            Conversation c = ownedBy(session, conversationId);
            requireStatus(c, ConversationStatus.WAITING, "Only a chat in the queue can be cancelled");
            finish(c, ConversationStatus.CANCELLED, "youth", "cancelled", out);
        });
    }

    void youthEnd(String session, String conversationId) {
        update(out -> {
            Conversation c = ownedBy(session, conversationId);
            requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            finish(c, ConversationStatus.ENDED, "youth", "answered", out);
        });
    }

    void feedback(String session, String conversationId, int score) {
        if (score < 1 || score > 5) {
            throw new ChatException("bad-frame", "score must be 1 to 5");
        }
        update(out -> {
            Conversation c = ownedBy(session, conversationId);
            requireStatus(c, ConversationStatus.ENDED, "Feedback comes after the chat");
            out.after(() -> records.feedback(c.statId, score));
            out.to(youth(session), Frames.of("feedback-received", c).json());
        });
    }

    void continuationRequest(String session, String conversationId) {
        Conversation c = run(out -> {
            Conversation owned = ownedBy(session, conversationId);
            requireStatus(owned, ConversationStatus.ENDED, "A continuation code is given after the chat");
            if (owned.counsellor == null) {
                throw new ChatException("no-counsellor", "This chat had no counsellor");
            }
            return owned;
        });
        String code = records.newContinuationCode(c.counsellor, session,
                clock.instant().plus(Duration.ofDays(config.continuationDays())));
        bus.send(youth(session), Frames.Outgoing.control(Frames.of("continuation-code", c).put("code", code)
                .put("validDays", config.continuationDays()).json()));
    }

    // ---- counsellors --------------------------------------------------------------------------------------------

    void counsellorConnected(String username, jakarta.websocket.Session socket) {
        bus.connect(counsellor(username), socket);
        update(out -> {
            CounsellorPresence p = presence(username);
            p.connected = true;
            p.disconnectedAt = null;
            store.putCounsellor(p);
            out.toSocket(socket, Frames.of("ready", null).put("role", "counsellor")
                    .put("available", p.available).put("capacity", p.capacity)
                    .put("conversations", store.all().stream().filter(c -> username.equals(c.counsellor)
                            && c.status == ConversationStatus.ACTIVE).map(c -> Map.of("conversationId", c.id,
                                    "lastSeq", c.lastSeq)).toList())
                    .json());
            queueChanged(out);
        });
    }

    void counsellorDisconnected(String username, jakarta.websocket.Session socket) {
        bus.disconnect(counsellor(username), socket);
        update(out -> {
            if (!bus.connected(counsellor(username))) {
                CounsellorPresence p = presence(username);
                p.connected = false;
                p.disconnectedAt = clock.instant();
                store.putCounsellor(p);
                queueChanged(out);
            }
        });
    }

    void availability(String username, boolean available, Integer capacity) {
        if (capacity != null && (capacity < 1 || capacity > 10)) {
            throw new ChatException("bad-frame", "capacity must be 1 to 10");
        }
        update(out -> {
            CounsellorPresence p = presence(username);
            p.available = available;
            if (capacity != null) {
                p.capacity = capacity;
            }
            store.putCounsellor(p);
            out.to(counsellor(username), Frames.of("availability", null).put("available", p.available)
                    .put("capacity", p.capacity).put("active", activeCount(username)).json());
            queueChanged(out);
        });
    }

    void claim(String username, String conversationId) {
        // Counsellors race for every new chat and most of them lose: a chat plainly taken is refused without the
        // lock (the check under the lock is the one that counts).
        stillWaiting(conversationId);
        update(out -> {
            Conversation c = stillWaiting(conversationId);
            CounsellorPresence p = presence(username);
            if (!p.available || activeCount(username) >= p.capacity) {
                throw new ChatException("no-capacity", "Set yourself available, or end a chat first");
            }
            assign(c, username, out);
            queueChanged(out);
        });
    }

    void counsellorMessage(String username, String conversationId, String text) {
        checkLength(text);
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            logToBoth(c, Frames.of("message", c).put("from", "counsellor").put("text", text), out);
        });
    }

    void counsellorTyping(String username, String conversationId) {
        take(signalLimit, counsellor(username), "Too many typing signals and read receipts; wait a little");
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            out.to(youth(c.youthSession), Frames.of("typing", c).put("from", "counsellor").json());
        });
    }

    void counsellorRead(String username, String conversationId, long upToSeq) {
        take(signalLimit, counsellor(username), "Too many typing signals and read receipts; wait a little");
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            if (readsFurther(c, upToSeq, c.counsellorReadUpTo)) {
                logToBoth(c, Frames.of("read", c).put("by", "counsellor").put("upToSeq", upToSeq), out);
                c.counsellorReadUpTo = c.lastSeq;
            }
        });
    }

    void resumeCounsellor(String username, String conversationId, long lastSeq) {
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            bus.bind(counsellor(username), c.id, c.lastSeq);
            store.framesAfter(c.id, lastSeq, Audience.COUNSELLOR)
                    .forEach(frame -> out.to(counsellor(username), frame.replayed()));
            out.to(counsellor(username), Frames.of("resumed", c).put("status", c.status.code())
                    .put("youthConnected", c.youthConnected).json());
        });
    }

    void serviceCard(String username, String conversationId, String serviceId) {
        ServiceView service = catalogue.find(serviceId)
                .orElseThrow(() -> new ChatException("not-found", "No such service"));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", service.service().id());
        card.put("name", service.service().name());
        card.put("description", service.service().description());
        card.put("channels", service.service().channels());
        card.put("anonymous", service.service().anonymous().code());
        card.put("track", service.service().track().code());
        card.put("whatHappens", service.service().whatHappens());
        card.put("openNow", service.availability().openNow());
        sendCard(username, conversationId, "service", card);
    }

    void factCard(String username, String conversationId, String slug) {
        PublishedFact fact = facts.find(slug, List.of("nb", "nn", "en"), clock.instant())
                .orElseThrow(() -> new ChatException("not-found", "No such fact page"));
        sendCard(username, conversationId, "fact", Map.of("slug", fact.slug(), "lang", fact.lang(),
                "title", fact.content().title(), "summary", fact.content().summary()));
    }

    void cannedResponse(String username, String conversationId, String cannedId) {
        CannedDocument response = canned.list(null, null).stream().filter(c -> c.id().equals(cannedId)).findFirst()
                .orElseThrow(() -> new ChatException("not-found", "No such canned response"));
        counsellorMessage(username, conversationId, response.text());
    }

    void transfer(String username, String conversationId, String to) {
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            if (to == null) {
                backToQueue(c, out);
            } else {
                CounsellorPresence target = store.counsellor(to).filter(p -> p.connected && p.available
                        && activeCount(to) < p.capacity).orElseThrow(() -> new ChatException("no-capacity",
                                "That counsellor cannot take the chat now"));
                out.to(counsellor(username), Frames.of("released", c).json());
                logToBoth(c, Frames.of("transferred", c).put("to", "counsellor")
                        .put("message", "Du blir satt over til en annen veileder."), out);
                assign(c, target.username, out);
            }
        });
    }

    void counsellorEnd(String username, String conversationId) {
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            finish(c, ConversationStatus.ENDED, "counsellor", "answered", out);
        });
    }

    void wrapUp(String username, String conversationId, List<String> topics, String outcome, List<String> referred) {
        // Statistics labels, like open's topic: known values only, never repeated.
        if (!topics.stream().allMatch(taxonomy::isTopic)) {
            throw new ChatException("bad-frame", "topics must be topic ids of GET /api/v1/topics");
        }
        if (outcome != null && !WRAP_UP_OUTCOMES.contains(outcome)) {
            throw new ChatException("bad-frame", "outcome must be one of " + String.join(", ", WRAP_UP_OUTCOMES));
        }
        if (!referred.stream().allMatch(id -> catalogue.find(id).isPresent())) {
            throw new ChatException("bad-frame", "referredServices must be ids of services in the catalogue");
        }
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            requireStatus(c, ConversationStatus.ENDED, "Fill in the wrap-up after the chat has ended");
            out.after(() -> records.wrapUp(c.statId, topics, outcome, referred));
            out.to(counsellor(username), Frames.of("wrap-up-saved", c).json());
        });
    }

    void block(String username, String conversationId) {
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            if (!c.status.over()) {
                finish(c, ConversationStatus.ENDED, "counsellor", "blocked", out);
            }
            String session = c.youthSession;
            out.after(() -> records.block(session, clock.instant().plus(config.blockDuration())));
        });
    }

    // ---- supervisors, housekeeping ------------------------------------------------------------------------------

    /** Live numbers for supervisors: no content, no sessions. */
    public Map<String, Object> liveNumbers() {
        return run(out -> {
            Instant now = clock.instant();
            List<Conversation> waiting = waiting();
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("waiting", waiting.size());
            numbers.put("longestWaitSeconds", waiting.stream()
                    .mapToLong(c -> Duration.between(c.queuedAt, now).toSeconds()).max().orElse(0));
            numbers.put("activeChats", store.all().stream().filter(c -> c.status == ConversationStatus.ACTIVE).count());
            numbers.put("open", hours.openNow());
            numbers.put("counsellors", store.counsellors().stream()
                    .sorted(Comparator.comparing(p -> p.username))
                    .map(p -> Map.of("username", p.username, "connected", p.connected, "available", p.available,
                            "capacity", p.capacity, "activeChats", activeCount(p.username)))
                    .toList());
            return numbers;
        });
    }

    /** What a young person sees before opening a chat. */
    public Map<String, Object> publicStatus() {
        return run(out -> {
            OpeningHours.Availability chatHours = hours.now();
            int waiting = waiting().size();
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("open", Boolean.TRUE.equals(chatHours.openNow()));
            status.put("nextOpens", chatHours.nextOpens() == null ? null : chatHours.nextOpens().toString());
            status.put("waiting", waiting);
            status.put("estimatedWaitSeconds", staffing().estimate(waiting + 1));
            return status;
        });
    }

    /**
     * Ends conversations whose young person did not come back, returns chats of counsellors who did not come back to
     * the queue, and deletes conversations (with all their text) once their grace has passed. Someone whose socket
     * was on an instance that died is noticed here: the bus no longer sees them anywhere.
     */
    public int sweep() {
        return run(out -> {
            Instant now = clock.instant();
            int removed = 0;
            for (Conversation c : store.all()) {
                if (!c.status.over() && c.youthConnected && !bus.connected(youth(c.youthSession))) {
                    // Their instance went away without saying so; the reconnect grace starts now.
                    c.youthConnected = false;
                    c.youthLeftAt = now;
                    out.to(counsellor(c.counsellor), Frames.of("reconnecting", c).json());
                }
                if (c.status.over()) {
                    if (c.endedAt.plus(config.endedGrace()).isBefore(now)) {
                        store.remove(c.id);
                        removed++;
                    }
                } else if (!c.youthConnected && c.youthLeftAt.plus(config.reconnectGrace()).isBefore(now)) {
                    finish(c, c.status == ConversationStatus.WAITING ? ConversationStatus.CANCELLED
                            : ConversationStatus.ENDED, "youth", "youth-left", out);
                }
            }
            for (CounsellorPresence p : store.counsellors()) {
                if (p.connected && !bus.connected(counsellor(p.username))) {
                    p.connected = false;
                    p.disconnectedAt = now;
                    store.putCounsellor(p);
                    queueChanged(out);
                }
                if (!p.connected && p.disconnectedAt != null && p.disconnectedAt.plus(config.reconnectGrace()).isBefore(now)) {
                    p.available = false;
                    store.putCounsellor(p);
                    store.all().stream().filter(c -> p.username.equals(c.counsellor)
                            && c.status == ConversationStatus.ACTIVE).forEach(c -> backToQueue(c, out));
                }
            }
            return removed;
        });
    }

    /** "Delete everything now": the session's conversations and their text go at once. */
    void wipe(String session) {
        update(out -> {
            store.all().stream().filter(c -> session.equals(c.youthSession)).forEach(c -> {
                if (!c.status.over()) {
                    finish(c, ConversationStatus.ENDED, "youth", "deleted", out);
                }
                store.remove(c.id);
            });
            queueChanged(out);
        });
        records.forgetSession(session);
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void update(java.util.function.Consumer<Outbox> operation) {
        run(out -> {
            operation.accept(out);
            return null;
        });
    }

    private <T> T run(Function<Outbox, T> operation) {
        Outbox out = new Outbox();
        return store.atomically(() -> operation.apply(out), () -> out.flush(bus));
    }

    private void assign(Conversation c, String username, Outbox out) {
        c.status = ConversationStatus.ACTIVE;
        c.counsellor = username;
        if (c.claimedAt == null) {
            c.claimedAt = clock.instant();
            metrics.waited(Duration.between(c.queuedAt, c.claimedAt));
        }
        out.to(counsellor(username), Frames.of("claimed", c).put("topic", c.topic).put("ageBand", c.ageBand)
                .put("youthConnected", c.youthConnected).json());
        bus.bind(counsellor(username), c.id, c.lastSeq);
        store.framesAfter(c.id, 0, Audience.COUNSELLOR).forEach(frame -> out.to(counsellor(username), frame.replayed()));
        logToBoth(c, Frames.of("assigned", c).put("counsellor", username), out);
    }

    private void backToQueue(Conversation c, Outbox out) {
        out.to(counsellor(c.counsellor), Frames.of("released", c).json());
        c.status = ConversationStatus.WAITING;
        c.counsellor = null;
        logToBoth(c, Frames.of("transferred", c).put("to", "queue")
                .put("message", "Veilederen måtte gå. Du står først i køen til en ny veileder."), out);
        queueChanged(out);
    }

    private void finish(Conversation c, ConversationStatus status, String by, String outcome, Outbox out) {
        Instant now = clock.instant();
        c.status = status;
        c.endedAt = now;
        c.endReason = outcome;
        logToBoth(c, Frames.of("ended", c).put("by", by).put("reason", outcome), out);
        if (c.claimedAt != null) {
            store.chatLasted(Duration.between(c.claimedAt, now).toSeconds(), RECENT_CHATS);
        }
        Conversation snapshot = c;
        out.after(() -> records.finished(snapshot, outcome, now));
        queueChanged(out);
    }

    private void sendCard(String username, String conversationId, String kind, Map<String, Object> card) {
        update(out -> {
            Conversation c = assignedTo(username, conversationId);
            requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            logToBoth(c, Frames.of("card", c).put("kind", kind).put(kind, card), out);
        });
    }

    private void logToBoth(Conversation c, Frames.Frame frame, Outbox out) {
        Frames.Outgoing logged = store.append(c, Audience.BOTH, frame);
        out.to(youth(c.youthSession), logged);
        out.to(counsellor(c.counsellor), logged);
    }

    /** Tells every waiting young person their place and every counsellor the queue. */
    private void queueChanged(Outbox out) {
        List<Conversation> waiting = waiting();
        Instant now = clock.instant();
        Staffing staffing = staffing();
        for (int i = 0; i < waiting.size(); i++) {
            Conversation c = waiting.get(i);
            out.to(youth(c.youthSession), Frames.of("queued", c).put("position", i + 1)
                    .put("estimatedWaitSeconds", staffing.estimate(i + 1))
                    .put("counsellorsAvailable", staffing.anyoneOnDuty()).json());
        }
        for (CounsellorPresence p : store.counsellors()) {
            if (p.connected) {
                out.to(counsellor(p.username), Frames.of("queue", null).put("items", waiting.stream()
                        .map(c -> Map.of("conversationId", c.id, "topic", String.valueOf(c.topic),
                                "ageBand", String.valueOf(c.ageBand),
                                "waitingSeconds", Duration.between(c.queuedAt, now).toSeconds(),
                                "requestedYou", p.username.equals(c.requestedCounsellor)))
                        .toList()).json());
            }
        }
    }

    /**
     * The counsellors on duty as the queue sees them: their total capacity, how many places are free now, and the
     * recent average chat length. Computed once per queue update.
     */
    private record Staffing(boolean anyoneOnDuty, int capacity, long free, long averageChatSeconds) {

        /**
         * An honest estimate: a minute if a free place is waiting for you, otherwise how many rounds of recent chat
         * lengths the counsellors on duty need to reach you; null when nobody is available.
         */
        Long estimate(int position) {
            if (capacity == 0) {
                return null;
            }
            if (position <= free) {
                return 60L;
            }
            long rounds = (position - free + capacity - 1) / capacity;
            return Math.max(60L, rounds * averageChatSeconds);
        }
    }

    private Staffing staffing() {
        Map<String, Long> active = store.all().stream()
                .filter(c -> c.status == ConversationStatus.ACTIVE && c.counsellor != null)
                .collect(Collectors.groupingBy(c -> c.counsellor, Collectors.counting()));
        List<CounsellorPresence> onDuty = store.counsellors().stream().filter(p -> p.connected && p.available).toList();
        List<Long> recent = store.recentChatLengths();
        long averageChat = recent.isEmpty() ? Duration.ofMinutes(config.assumedChatMinutes()).toSeconds()
                : (long) recent.stream().mapToLong(Long::longValue).average().orElse(0);
        return new Staffing(!onDuty.isEmpty(), onDuty.stream().mapToInt(p -> p.capacity).sum(),
                onDuty.stream().mapToLong(p -> Math.max(0, p.capacity - active.getOrDefault(p.username, 0L))).sum(),
                averageChat);
    }

    private String closedFrame() {
        List<Map<String, Object>> open = catalogue.openNationalLines().stream()
                .map(s -> Map.<String, Object>of("id", s.service().id(), "name", s.service().name(),
                        "channels", s.service().channels()))
                .toList();
        OpeningHours.Availability chatHours = hours.now();
        return Frames.of("closed", null)
                .put("nextOpens", chatHours.nextOpens() == null ? null : chatHours.nextOpens().toString())
                .put("openServices", open)
                .put("emergency", List.of(Map.of("number", "116 111", "name", "Alarmtelefonen for barn og unge"),
                        Map.of("number", "113", "name", "Medisinsk nødtelefon")))
                .put("questionMode", true)
                .put("message", "Chatten er stengt nå. Du kan stille et anonymt spørsmål og hente svaret senere.")
                .json();
    }

    private List<Conversation> waiting() {
        return store.all().stream().filter(c -> c.status == ConversationStatus.WAITING)
                .sorted(Comparator.comparingLong((Conversation c) -> c.queueNumber)).toList();
    }

    private List<Conversation> liveOf(String session) {
        return store.all().stream().filter(c -> session.equals(c.youthSession) && !c.status.over()).toList();
    }

    private long activeCount(String username) {
        return store.all().stream().filter(c -> username.equals(c.counsellor)
                && c.status == ConversationStatus.ACTIVE).count();
    }

    private CounsellorPresence presence(String username) {
        return store.counsellor(username).orElseGet(() -> {
            CounsellorPresence p = new CounsellorPresence();
            p.username = username;
            p.capacity = config.defaultCapacity();
            p.connected = bus.connected(counsellor(username));
            return p;
        });
    }

    /** The conversation if it belongs to this young person; the same answer as "no such chat" otherwise. */
    private Conversation ownedBy(String session, String conversationId) {
        return conversation(conversationId).filter(c -> session.equals(c.youthSession))
                .orElseThrow(() -> new ChatException("not-found", "No such conversation"));
    }

    private Conversation stillWaiting(String conversationId) {
        Conversation c = conversation(conversationId)
                .orElseThrow(() -> new ChatException("not-found", "No such conversation"));
        requireStatus(c, ConversationStatus.WAITING, "Someone else has this chat");
        return c;
    }

    private Conversation assignedTo(String username, String conversationId) {
        return conversation(conversationId).filter(c -> username.equals(c.counsellor))
                .orElseThrow(() -> new ChatException("not-found", "No such conversation assigned to you"));
    }

    private Optional<Conversation> conversation(String id) {
        return id == null ? Optional.empty() : store.get(id);
    }

    /**
     * Whether a read receipt is worth logging: it must name a frame of the log, and only one that arrived after the
     * reader's last receipt counts (a receipt is itself logged, so a reader cannot pile up receipts on its own).
     */
    private static boolean readsFurther(Conversation c, long upToSeq, long readUpTo) {
        if (upToSeq < 1 || upToSeq > c.lastSeq) {
            throw new ChatException("bad-frame", "upToSeq must be the seq of a frame of this conversation");
        }
        return upToSeq > readUpTo;
    }

    /** Takes one action from the participant's bucket, as an error frame when it is empty. */
    private void take(RateLimits.Limit limit, String key, String message) {
        limits.take(limit, key, message);
    }

    private void checkLength(String text) {
        if (text == null || text.isBlank()) {
            throw new ChatException("bad-frame", "text must not be empty");
        }
        if (text.length() > config.maxMessageLength()) {
            throw new ChatException("too-long", "Messages can be at most " + config.maxMessageLength() + " characters");
        }
    }

    private static void requireStatus(Conversation c, ConversationStatus expected, String message) {
        if (c.status != expected) {
            throw new ChatException("wrong-state", message);
        }
    }
}
