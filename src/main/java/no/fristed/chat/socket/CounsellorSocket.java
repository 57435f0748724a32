package no.fristed.chat.socket;

import jakarta.inject.Singleton;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Set;
import no.fristed.chat.Connection;
import no.fristed.chat.Participants;
import no.fristed.chat.protocol.CounsellorFrame;
import no.fristed.common.DomainException;

/** The counsellor's end of the chat (counsellor token). The protocol is in openapi/chat-protocol.schema.json. */
@Singleton
@ServerEndpoint("/ws/counsellor")
public class CounsellorSocket extends ChatSocket<CounsellorFrame> {

    public CounsellorSocket() {
        super(Set.of("counsellor", "supervisor"), CounsellorFrame.class, Participants::counsellor);
    }

    @Override
    void connected(String username, Set<String> groups, Connection connection) {
        connections.counsellorConnected(username, groups.contains("supervisor"), connection);
    }

    @Override
    void disconnected(String username, boolean lastHere) {
        connections.counsellorDisconnected(username, lastHere);
    }

    @Override
    void handle(String username, Set<String> groups, CounsellorFrame frame) {
        boolean supervising = frame instanceof CounsellorFrame.Monitor || frame instanceof CounsellorFrame.Whisper
                || frame instanceof CounsellorFrame.Join || frame instanceof CounsellorFrame.TakeOver;
        // The roles of this socket's own token, not of whichever socket of the same person connected last.
        if (!groups.contains(supervising ? "supervisor" : "counsellor")) {
            throw new DomainException.Refused("forbidden", supervising ? "Only supervisors can do this"
                    : "Only counsellors can do this");
        }
        if (frame instanceof CounsellorFrame.Availability f) {
            chat.availability(username, f.available(), f.capacity());
        } else if (frame instanceof CounsellorFrame.Claim f) {
            chat.claim(username, f.conversationId());
        } else if (frame instanceof CounsellorFrame.Resume f) {
            chat.resumeCounsellor(username, f.conversationId(), f.lastSeq());
        } else if (frame instanceof CounsellorFrame.Message f) {
            chat.counsellorMessage(username, f.conversationId(), f.text());
        } else if (frame instanceof CounsellorFrame.Typing f) {
            chat.counsellorTyping(username, f.conversationId());
        } else if (frame instanceof CounsellorFrame.Read f) {
            chat.counsellorRead(username, f.conversationId(), f.upToSeq());
        } else if (frame instanceof CounsellorFrame.ServiceCard f) {
            chat.serviceCard(username, f.conversationId(), f.serviceId());
        } else if (frame instanceof CounsellorFrame.FactCard f) {
            chat.factCard(username, f.conversationId(), f.slug());
        } else if (frame instanceof CounsellorFrame.Canned f) {
            chat.cannedResponse(username, f.conversationId(), f.cannedId());
        } else if (frame instanceof CounsellorFrame.Transfer f) {
            chat.transfer(username, f.conversationId(), f.to());
        } else if (frame instanceof CounsellorFrame.End f) {
            chat.counsellorEnd(username, f.conversationId());
        } else if (frame instanceof CounsellorFrame.WrapUp f) {
            chat.wrapUp(username, f.conversationId(), orEmpty(f.topics()), f.outcome(), orEmpty(f.referredServices()));
        } else if (frame instanceof CounsellorFrame.Block f) {
            chat.block(username, f.conversationId());
        } else {
            safeguard(username, frame);
        }
    }

    private void safeguard(String username, CounsellorFrame frame) {
        if (frame instanceof CounsellorFrame.Flag f) {
            safeguards.flag(username, f.conversationId(), f.level(), f.category());
        } else if (frame instanceof CounsellorFrame.Help f) {
            safeguards.help(username, f.conversationId());
        } else if (frame instanceof CounsellorFrame.ConsentRequest f) {
            safeguards.consentRequest(username, f.conversationId(), f.what(), f.purpose());
        } else if (frame instanceof CounsellorFrame.Monitor f) {
            safeguards.monitor(username, f.conversationId());
        } else if (frame instanceof CounsellorFrame.Whisper f) {
            safeguards.whisper(username, f.conversationId(), f.text());
        } else if (frame instanceof CounsellorFrame.Join f) {
            safeguards.join(username, f.conversationId());
        } else if (frame instanceof CounsellorFrame.TakeOver f) {
            safeguards.takeOver(username, f.conversationId());
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
