package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import no.fristed.access.SessionRevocations;
import no.fristed.catalogue.Taxonomy;
import no.fristed.chat.ConversationStore.Scope;
import no.fristed.chat.cards.ChatCards;
import no.fristed.chat.protocol.FrameCodec;
import no.fristed.chat.protocol.ServerFrame;
import no.fristed.chat.protocol.ServerFrame.Side;
import no.fristed.chat.protocol.YouthFrame.PiiChoice;
import no.fristed.chat.records.ChatRecords;
import no.fristed.common.DomainException;
import no.fristed.common.RateLimits;
import no.fristed.facts.AgeBand;
import no.fristed.privacy.PrivacyGuard;

/**
 * The live chat's operations for both sides: queue, claims, relay, transfers, endings and reconnects. Every
 * operation has the chat state to itself ({@link #atomically}) and collects what to send and store in an
 * {@link Outbox}, carried out once the state is saved. Message text only ever goes to the {@link ConversationStore}.
 */
@ApplicationScoped
public class ChatService {

    private static final List<String> WRAP_UP_OUTCOMES = List.of("talked", "referred", "emergency", "no-contact");
    private static final String SIGNALS = "Too many typing signals and read receipts; wait a little";
    private static final String OPENS = "You have opened and cancelled many chats; wait a little";

    private final ConversationStore store;
    private final ChatBus bus;
    private final ChatFlow flow;
    private final FrameCodec codec;
    private final ChatRecords records;
    private final ChatHours hours;
    private final ChatConfig config;
    private final ChatCards cards;
    private final ChatTexts texts;
    private final PrivacyGuard guard;
    private final RateLimits limits;
    private final Clock clock;
    private final Taxonomy taxonomy;
    private final SessionRevocations revocations;
    private final RateLimits.Limit messageLimit;
    private final RateLimits.Limit openLimit;
    private final RateLimits.Limit signalLimit;

    ChatService(ConversationStore store, ChatBus bus, ChatFlow flow, FrameCodec codec, ChatRecords records,
            ChatHours hours, ChatConfig config, ChatCards cards, ChatTexts texts, PrivacyGuard guard,
            RateLimits limits, Clock clock, Taxonomy taxonomy, SessionRevocations revocations) {
        this.store = store;
        this.bus = bus;
        this.flow = flow;
        this.codec = codec;
        this.records = records;
        this.hours = hours;
        this.config = config;
        this.cards = cards;
        this.texts = texts;
        this.guard = guard;
        this.limits = limits;
        this.clock = clock;
        this.taxonomy = taxonomy;
        this.revocations = revocations;
        this.messageLimit = new RateLimits.Limit("chat-message", config.messagesPerMinute(), Duration.ofMinutes(1));
        this.openLimit = new RateLimits.Limit("chat-open", config.opensPerHour(), Duration.ofHours(1));
        this.signalLimit = new RateLimits.Limit("chat-signal", config.signalsPerMinute(), Duration.ofMinutes(1));
    }

    /** Runs one chat operation with the state in its scope to itself; its outbox is carried out once that is saved. */
    <T> T atomically(Scope scope, Function<Outbox, T> operation) {
        Outbox out = new Outbox(store, bus, codec);
        return store.atomically(scope, () -> operation.apply(out), out::flush);
    }

    void update(Scope scope, Consumer<Outbox> operation) {
        atomically(scope, out -> {
            operation.accept(out);
            return null;
        });
    }

    // ---- young people -------------------------------------------------------------------------------------------

    /** Joins the queue; {@code urgent} is "I'm not safe now" (the urgent lane and the safety card at once). */
    public void open(String session, String topic, String ageBand, String continuationCode, boolean urgent) {
        // Both end up in the statistics: only known values, and a refusal never repeats what was sent.
        if (topic != null && !taxonomy.isTopic(topic)) {
            throw new DomainException.Invalid("bad-frame", "topic must be one of the topic ids of GET /api/v1/topics");
        }
        if (ageBand != null && AgeBand.parse(ageBand).isEmpty()) {
            throw new DomainException.Invalid("bad-frame", "ageBand must be 13-15, 16-17 or 18-25");
        }
        limits.take(openLimit, Participants.youth(session), OPENS);
        Instant now = clock.instant();
        // Asked of the database, like blocks, to see a deletion another instance made a moment ago.
        if (revocations.isRevokedAnywhere(session)) {
            throw deleted();
        }
        if (records.blocked(session, now)) {
            throw new DomainException.Refused("blocked", "This session cannot open chats for a while");
        }
        Optional<String> requested = continuationCode == null ? Optional.empty()
                : records.counsellorFor(continuationCode, now);
        update(Scope.queue(), out -> {
            // "Delete everything now" revokes the session before it wipes under this lock, so a chat opened here is
            // either wiped or never opened (a database query here would hold up every chat).
            if (revocations.isRevoked(session)) {
                throw deleted();
            }
            if (!flow.liveOf(session).isEmpty()) {
                throw new DomainException.Conflict("already-open", "You already have a chat; resume it instead");
            }
            if (!hours.openNow()) {
                out.send(Participants.youth(session), null, cards.closed());
                return;
            }
            Conversation c = Conversation.waiting(session, topic, ageBand, now, store.nextQueueNumber());
            c.requestedCounsellor = requested.orElse(null);
            store.put(c);
            out.bindNow(Participants.youth(session), c);
            if (continuationCode != null) {
                out.send(Participants.youth(session), c, new ServerFrame.Continuation(requested.isPresent()));
            }
            if (urgent) {
                flow.markUrgent(c, out);
            } else {
                flow.queueChanged(out, c);
            }
        });
    }

    public void resumeYouth(String session, String conversationId, long lastSeq) {
        signal(Participants.youth(session));
        update(Scope.queue(conversationId), out -> {
            Conversation c = flow.ownedBy(session, conversationId);
            c.youthConnected = true;
            c.youthLeftAt = null;
            String youth = Participants.youth(session);
            out.bindNow(youth, c);
            out.replay(youth, c, lastSeq, Audience.YOUTH);
            out.send(youth, c, new ServerFrame.Resumed(c.status.code(), null));
            if (c.status == ConversationStatus.ACTIVE) {
                out.send(Participants.counsellor(c.counsellor), c, new ServerFrame.YouthBack());
            }
            if (c.status == ConversationStatus.WAITING) {
                flow.queueChanged(out, c);
            }
        });
    }

    public void youthMessage(String session, String conversationId, String clientMessageId, String text,
            PiiChoice choice) {
        checkLength(text);
        // The privacy guard is the costly part: only for this young person's active chat (checked again under the lock).
        ChatFlow.requireStatus(flow.ownedBy(session, conversationId), ConversationStatus.ACTIVE,
                "No counsellor has joined yet");
        limits.take(messageLimit, session, "You are sending messages very fast; wait a little");
        PrivacyGuard.Result check = guard.check(text);
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.ownedBy(session, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "No counsellor has joined yet");
            String youth = Participants.youth(session);
            if (!check.clean() && choice == null) {
                out.send(youth, c, new ServerFrame.PiiWarning(clientMessageId,
                        check.findings().stream().map(f -> f.kind().code()).distinct().toList(), check.redacted(),
                        texts.piiWarning()));
                return;
            }
            boolean redacted = !check.clean() && choice == PiiChoice.REDACT;
            out.log(c, new ServerFrame.Message(Side.YOUTH, redacted ? check.redacted() : text, clientMessageId,
                    redacted));
            if (bus.connected(Participants.counsellor(c.counsellor))) {
                out.send(youth, c, new ServerFrame.Delivered(clientMessageId));
            }
        });
    }

    public void youthTyping(String session, String conversationId) {
        signal(Participants.youth(session));
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.ownedBy(session, conversationId);
            out.send(Participants.counsellor(c.counsellor), c, new ServerFrame.Typing(Side.YOUTH));
        });
    }

    public void youthRead(String session, String conversationId, long upToSeq) {
        signal(Participants.youth(session));
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.ownedBy(session, conversationId);
            if (readsFurther(c, upToSeq, c.youthReadUpTo)) {
                out.log(c, new ServerFrame.Read(Side.YOUTH, upToSeq));
                c.youthReadUpTo = c.lastSeq;
            }
        });
    }

    public void cancel(String session, String conversationId) {
        limits.take(openLimit, Participants.youth(session), OPENS);
        update(Scope.queue(conversationId), out -> {
            Conversation c = flow.ownedBy(session, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.WAITING, "Only a chat in the queue can be cancelled");
            flow.finish(c, ConversationStatus.CANCELLED, Side.YOUTH, "cancelled", out);
        });
    }

    public void youthEnd(String session, String conversationId) {
        update(Scope.queue(conversationId), out -> {
            Conversation c = flow.ownedBy(session, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            flow.finish(c, ConversationStatus.ENDED, Side.YOUTH, "answered", out);
        });
    }

    public void feedback(String session, String conversationId, int score) {
        signal(Participants.youth(session));
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.ownedBy(session, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ENDED, "Feedback comes after the chat");
            out.after(() -> records.feedback(c.statId, score));
            out.send(Participants.youth(session), c, new ServerFrame.FeedbackReceived());
        });
    }

    public void continuationRequest(String session, String conversationId) {
        limits.take(openLimit, Participants.youth(session), OPENS);
        Conversation c = atomically(Scope.chat(conversationId), out -> {
            Conversation owned = flow.ownedBy(session, conversationId);
            ChatFlow.requireStatus(owned, ConversationStatus.ENDED, "A continuation code is given after the chat");
            if (owned.counsellor == null) {
                throw new DomainException.Conflict("no-counsellor", "This chat had no counsellor");
            }
            return owned;
        });
        String code = records.newContinuationCode(c.counsellor, session,
                clock.instant().plus(Duration.ofDays(config.continuationDays())));
        bus.publish(List.of(new ChatBus.Frame(Participants.youth(session), codec.control(c.id, c.lastSeq,
                new ServerFrame.ContinuationCode(code, config.continuationDays())))));
    }

    // ---- counsellors --------------------------------------------------------------------------------------------

    public void availability(String username, boolean available, Integer capacity) {
        update(Scope.queue(), out -> {
            CounsellorPresence p = flow.presence(username);
            p.available = available;
            if (capacity != null) {
                p.capacity = capacity;
            }
            store.putCounsellor(p);
            out.send(Participants.counsellor(username), null,
                    new ServerFrame.Availability(p.available, p.capacity, flow.activeCount(username)));
            flow.queueChanged(out);
        });
    }

    public void claim(String username, String conversationId) {
        // Counsellors race for every new chat and most of them lose: a chat plainly taken is refused without the
        // lock (the check under the lock is the one that counts).
        flow.stillWaiting(conversationId);
        update(Scope.queue(conversationId), out -> {
            Conversation c = flow.stillWaiting(conversationId);
            CounsellorPresence p = flow.presence(username);
            if (!p.available || flow.activeCount(username) >= p.capacity) {
                throw new DomainException.Conflict("no-capacity", "Set yourself available, or end a chat first");
            }
            flow.assign(c, username, out);
            flow.queueChanged(out);
        });
    }

    /** A message from the chat's counsellor, or from a supervisor who joined it. */
    public void counsellorMessage(String username, String conversationId, String text) {
        checkLength(text);
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.staffedBy(username, conversationId);
            Safeguards.requireSpeaking(c, username);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            out.log(c, new ServerFrame.Message(username.equals(c.counsellor) ? Side.COUNSELLOR : Side.SUPERVISOR,
                    text, null, null));
        });
    }

    public void counsellorTyping(String username, String conversationId) {
        signal(Participants.counsellor(username));
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            out.send(Participants.youth(c.youthSession), c, new ServerFrame.Typing(Side.COUNSELLOR));
        });
    }

    public void counsellorRead(String username, String conversationId, long upToSeq) {
        signal(Participants.counsellor(username));
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            if (readsFurther(c, upToSeq, c.counsellorReadUpTo)) {
                out.log(c, new ServerFrame.Read(Side.COUNSELLOR, upToSeq));
                c.counsellorReadUpTo = c.lastSeq;
            }
        });
    }

    public void resumeCounsellor(String username, String conversationId, long lastSeq) {
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.staffedBy(username, conversationId);
            String counsellor = Participants.counsellor(username);
            out.bindNow(counsellor, c);
            out.replay(counsellor, c, lastSeq, Audience.COUNSELLOR);
            out.send(counsellor, c, new ServerFrame.Resumed(c.status.code(), c.youthConnected));
        });
    }

    public void serviceCard(String username, String conversationId, String serviceId) {
        sendCard(username, conversationId, cards.service(serviceId));
    }

    public void factCard(String username, String conversationId, String slug) {
        sendCard(username, conversationId, cards.fact(slug));
    }

    public void cannedResponse(String username, String conversationId, String cannedId) {
        counsellorMessage(username, conversationId, cards.cannedText(cannedId));
    }

    /** To another counsellor who is available and has room, or back to the queue when {@code to} is null. */
    public void transfer(String username, String conversationId, String to) {
        update(Scope.queue(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            if (to == null) {
                flow.backToQueue(c, out);
                return;
            }
            CounsellorPresence target = store.counsellor(to).filter(p -> p.connected && p.available
                    && flow.activeCount(to) < p.capacity).orElseThrow(() -> new DomainException.Conflict(
                            "no-capacity", "That counsellor cannot take the chat now"));
            out.send(Participants.counsellor(username), c, new ServerFrame.Released());
            out.log(c, new ServerFrame.Transferred("counsellor", texts.transferred()));
            flow.assign(c, target.username, out);
        });
    }

    public void counsellorEnd(String username, String conversationId) {
        update(Scope.queue(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            flow.finish(c, ConversationStatus.ENDED, Side.COUNSELLOR, "answered", out);
        });
    }

    public void wrapUp(String username, String conversationId, List<String> topics, String outcome,
            List<String> referred) {
        // Statistics labels, like open's topic: known values only, never repeated.
        if (!topics.stream().allMatch(taxonomy::isTopic)) {
            throw new DomainException.Invalid("bad-frame", "topics must be topic ids of GET /api/v1/topics");
        }
        if (outcome != null && !WRAP_UP_OUTCOMES.contains(outcome)) {
            throw new DomainException.Invalid("bad-frame",
                    "outcome must be one of " + String.join(", ", WRAP_UP_OUTCOMES));
        }
        if (!referred.stream().allMatch(cards::isService)) {
            throw new DomainException.Invalid("bad-frame", "referredServices must be ids of services in the catalogue");
        }
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ENDED, "Fill in the wrap-up after the chat has ended");
            out.after(() -> records.wrapUp(c.statId, topics, outcome, referred));
            out.send(Participants.counsellor(username), c, new ServerFrame.WrapUpSaved());
        });
    }

    public void block(String username, String conversationId) {
        update(Scope.queue(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            if (!c.status.over()) {
                flow.finish(c, ConversationStatus.ENDED, Side.COUNSELLOR, "blocked", out);
            }
            String session = c.youthSession;
            out.after(() -> records.block(session, clock.instant().plus(config.blockDuration())));
        });
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void sendCard(String username, String conversationId, ServerFrame.Card card) {
        update(Scope.chat(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            out.log(c, card);
        });
    }

    /**
     * Whether a read receipt is worth logging: it must name a frame of the log, and only one that arrived after the
     * reader's last receipt counts (a receipt is itself logged, so a reader cannot pile up receipts on its own).
     */
    private static boolean readsFurther(Conversation c, long upToSeq, long readUpTo) {
        if (upToSeq < 1 || upToSeq > c.lastSeq) {
            throw new DomainException.Invalid("bad-frame", "upToSeq must be the seq of a frame of this conversation");
        }
        return upToSeq > readUpTo;
    }

    /** Counts one cheap action (typing, receipts, resumes, "not safe") against the participant's signal limit. */
    void signal(String participant) {
        limits.take(signalLimit, participant, SIGNALS);
    }

    void checkLength(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException.Invalid("bad-frame", "text must not be empty");
        }
        if (text.length() > config.maxMessageLength()) {
            throw new DomainException.Invalid("too-long",
                    "Messages can be at most " + config.maxMessageLength() + " characters");
        }
    }

    private static DomainException deleted() {
        return new DomainException.Refused("unauthenticated", "This session was deleted");
    }
}
