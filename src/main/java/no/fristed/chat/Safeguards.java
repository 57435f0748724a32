package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import no.fristed.chat.ConversationStore.Scope;
import no.fristed.chat.protocol.Safeguarding;
import no.fristed.chat.protocol.Safeguarding.AlertKind;
import no.fristed.chat.protocol.Safeguarding.NoticeKind;
import no.fristed.chat.protocol.ServerFrame;
import no.fristed.chat.protocol.YouthFrame;
import no.fristed.common.DomainException;

/**
 * The crisis path: "I'm not safe now" (the urgent lane and the safety card), risk flags and calls for help that alert
 * the supervisors, consent before any personal data is shared, and supervisors who read along, whisper, join or
 * take over. Nothing of it outlives the chat but anonymous counts.
 */
@ApplicationScoped
public class Safeguards {

    private static final int MAX_OPEN_REQUESTS = 5;

    private final ChatService chat;
    private final ChatFlow flow;
    private final ConversationStore store;
    private final ChatTexts texts;

    Safeguards(ChatService chat, ChatFlow flow, ConversationStore store, ChatTexts texts) {
        this.chat = chat;
        this.flow = flow;
        this.store = store;
        this.texts = texts;
    }

    /** "I'm not safe now" during a chat (when opening one, see {@link ChatService#open}). */
    public void unsafe(String session, String conversationId) {
        chat.signal(Participants.youth(session));
        chat.update(Scope.queue(conversationId), out -> {
            Conversation c = flow.ownedBy(session, conversationId);
            requireNotOver(c);
            flow.markUrgent(c, out);
        });
    }

    public void flag(String username, String conversationId, Safeguarding.RiskLevel level,
            Safeguarding.RiskCategory category) {
        if (level != Safeguarding.RiskLevel.NONE && category == null) {
            throw new DomainException.Invalid("bad-frame", "category is needed with level concern or acute");
        }
        chat.update(Scope.chat(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            requireNotOver(c);
            boolean newlyAcute = level == Safeguarding.RiskLevel.ACUTE && c.riskLevel != level;
            c.riskLevel = level;
            c.riskCategory = level == Safeguarding.RiskLevel.NONE ? null : category;
            out.logForStaff(c, new ServerFrame.Flagged(c.riskLevel, c.riskCategory));
            if (newlyAcute) {
                flow.alert(c, AlertKind.ACUTE_FLAG, out);
            }
        });
    }

    /** "I need help" from the chat's counsellor. */
    public void help(String username, String conversationId) {
        chat.update(Scope.chat(conversationId), out -> {
            Conversation c = flow.assignedTo(username, conversationId);
            requireNotOver(c);
            flow.alert(c, AlertKind.HELP_REQUESTED, out);
        });
    }

    public void consentRequest(String username, String conversationId, Safeguarding.DataKind what,
            Safeguarding.Purpose purpose) {
        chat.update(Scope.chat(conversationId), out -> {
            Conversation c = flow.staffedBy(username, conversationId);
            requireSpeaking(c, username);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            if (c.consentRequests.size() >= MAX_OPEN_REQUESTS) {
                throw new DomainException.Conflict("wrong-state", "Wait for an answer to the open requests first");
            }
            String requestId = UUID.randomUUID().toString().substring(0, 8);
            c.consentRequests.put(requestId, what);
            c.consentAsked++;
            out.log(c, new ServerFrame.ConsentRequest(requestId, what, purpose, texts.consent(what, purpose)));
        });
    }

    /** The young person's answer; what they share goes to the staff in the chat only, marked as personal data. */
    public void consentAnswer(String session, YouthFrame.ConsentAnswer answer) {
        chat.update(Scope.chat(answer.conversationId()), out -> {
            Conversation c = flow.ownedBy(session, answer.conversationId());
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "The chat is not active");
            Safeguarding.DataKind what = c.consentRequests.get(answer.requestId());
            if (what == null) {
                throw new DomainException.NotFound("not-found", "No such request in this chat");
            }
            boolean share = answer.share();
            if (share && (what == Safeguarding.DataKind.LOCATION ? answer.position() == null
                    : answer.text() == null || answer.text().isBlank())) {
                throw new DomainException.Invalid("bad-frame", what == Safeguarding.DataKind.LOCATION
                        ? "position is needed to share a location" : "text is needed to share this");
            }
            c.consentRequests.remove(answer.requestId());
            out.log(c, new ServerFrame.ConsentAnswer(answer.requestId(), share));
            if (share) {
                c.consentShared++;
                YouthFrame.Position p = answer.position();
                out.logForStaff(c, new ServerFrame.PersonalData(answer.requestId(), what,
                        p == null ? answer.text() : null,
                        p == null ? null : new ServerFrame.Position(p.latitude(), p.longitude(), p.accuracyMeters())));
            } else {
                c.consentDeclined++;
            }
        });
    }

    /** A supervisor reads the chat: its log so far for staff, then live; the young person is told. */
    public void monitor(String username, String conversationId) {
        chat.update(Scope.chat(conversationId), out -> {
            Conversation c = supervised(username, conversationId);
            if (!username.equals(c.counsellor)) {
                startReading(c, username, out);
            }
        });
    }

    public void whisper(String username, String conversationId, String text) {
        chat.checkLength(text);
        chat.update(Scope.chat(conversationId), out -> {
            Conversation c = supervised(username, conversationId);
            if (!c.monitors.contains(username)) {
                throw new DomainException.Conflict("wrong-state", "Monitor the chat before whispering");
            }
            out.logForStaff(c, new ServerFrame.Whisper(username, text));
        });
    }

    /** A supervisor joins as a second helper the young person sees. */
    public void join(String username, String conversationId) {
        chat.update(Scope.chat(conversationId), out -> {
            Conversation c = supervised(username, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "Only an active chat can be joined");
            if (username.equals(c.counsellor) || c.joined.contains(username)) {
                return;
            }
            startReading(c, username, out);
            c.joined.add(username);
            c.supervisorJoins++;
            out.log(c, new ServerFrame.Notice(NoticeKind.JOINED, texts.joined()));
        });
    }

    /** A supervisor takes the chat over; its counsellor is released from it. */
    public void takeOver(String username, String conversationId) {
        chat.update(Scope.queue(conversationId), out -> {
            Conversation c = supervised(username, conversationId);
            ChatFlow.requireStatus(c, ConversationStatus.ACTIVE, "Only an active chat can be taken over");
            if (username.equals(c.counsellor)) {
                return;
            }
            startReading(c, username, out);
            out.send(Participants.counsellor(c.counsellor), c, new ServerFrame.Released());
            c.counsellor = username;
            c.monitors.remove(username);
            c.joined.remove(username);
            c.supervisorJoins++;
            out.log(c, new ServerFrame.Notice(NoticeKind.TOOK_OVER, texts.tookOver()));
        });
    }

    /** Who may write in the chat: its counsellor, or a supervisor who joined it. */
    static void requireSpeaking(Conversation c, String username) {
        if (!username.equals(c.counsellor) && !c.joined.contains(username)) {
            throw new DomainException.NotFound("not-found", "No such conversation assigned to you");
        }
    }

    private void startReading(Conversation c, String username, Outbox out) {
        if (c.monitors.contains(username)) {
            return;
        }
        c.monitors.add(username);
        String supervisor = Participants.counsellor(username);
        out.bindNow(supervisor, c);
        out.replay(supervisor, c, 0, Audience.COUNSELLOR);
        out.send(supervisor, c, new ServerFrame.Monitoring(c.status.code(), c.counsellor));
        out.log(c, new ServerFrame.Notice(NoticeKind.READING_ALONG, texts.readingAlong()));
    }

    private static void requireNotOver(Conversation c) {
        if (c.status.over()) {
            throw new DomainException.Conflict("wrong-state", "The chat has ended");
        }
    }

    /** A chat a supervisor acts on (the socket has checked the supervisor role of the token). */
    private Conversation supervised(String username, String conversationId) {
        Conversation c = store.get(conversationId)
                .orElseThrow(() -> new DomainException.NotFound("not-found", "No such conversation"));
        requireNotOver(c);
        return c;
    }
}
