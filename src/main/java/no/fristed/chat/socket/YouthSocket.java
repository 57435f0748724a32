package no.fristed.chat.socket;

import jakarta.inject.Singleton;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Set;
import no.fristed.chat.Connection;
import no.fristed.chat.Participants;
import no.fristed.chat.protocol.YouthFrame;

/** The young person's end of the chat (youth token). The protocol is in openapi/chat-protocol.schema.json. */
@Singleton
@ServerEndpoint("/ws/youth")
public class YouthSocket extends ChatSocket<YouthFrame> {

    public YouthSocket() {
        super(Set.of("youth"), YouthFrame.class, Participants::youth);
    }

    @Override
    void connected(String session, Set<String> groups, Connection connection) {
        connections.youthConnected(session, connection);
    }

    @Override
    void disconnected(String session, boolean lastHere) {
        connections.youthDisconnected(session, lastHere);
    }

    @Override
    void handle(String session, Set<String> groups, YouthFrame frame) {
        if (frame instanceof YouthFrame.Open f) {
            chat.open(session, f.topic(), f.ageBand(), f.continuationCode(), Boolean.TRUE.equals(f.urgent()));
        } else if (frame instanceof YouthFrame.Resume f) {
            chat.resumeYouth(session, f.conversationId(), f.lastSeq());
        } else if (frame instanceof YouthFrame.Message f) {
            chat.youthMessage(session, f.conversationId(), f.clientMessageId(), f.text(), f.pii());
        } else if (frame instanceof YouthFrame.Typing f) {
            chat.youthTyping(session, f.conversationId());
        } else if (frame instanceof YouthFrame.Read f) {
            chat.youthRead(session, f.conversationId(), f.upToSeq());
        } else if (frame instanceof YouthFrame.Cancel f) {
            chat.cancel(session, f.conversationId());
        } else if (frame instanceof YouthFrame.End f) {
            chat.youthEnd(session, f.conversationId());
        } else if (frame instanceof YouthFrame.Feedback f) {
            chat.feedback(session, f.conversationId(), f.score());
        } else if (frame instanceof YouthFrame.ContinuationRequest f) {
            chat.continuationRequest(session, f.conversationId());
        } else if (frame instanceof YouthFrame.Unsafe f) {
            safeguards.unsafe(session, f.conversationId());
        } else if (frame instanceof YouthFrame.ConsentAnswer f) {
            safeguards.consentAnswer(session, f);
        }
    }
}
