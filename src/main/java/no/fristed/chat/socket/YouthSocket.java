package no.fristed.chat.socket;

import jakarta.inject.Singleton;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Optional;
import no.fristed.chat.Connection;
import no.fristed.chat.Participants;
import no.fristed.chat.protocol.FrameCodec;
import no.fristed.chat.protocol.YouthFrame;

/** The young person's end of the chat (youth token). The protocol is in openapi/chat-protocol.schema.json. */
@Singleton
@ServerEndpoint("/ws/youth")
public class YouthSocket extends ChatSocket<YouthFrame> {

    @Override
    String group() {
        return "youth";
    }

    @Override
    String participant(String session) {
        return Participants.youth(session);
    }

    @Override
    FrameCodec.Incoming<YouthFrame> read(FrameCodec codec, String text) {
        return codec.youth(text);
    }

    @Override
    Optional<String> token(YouthFrame frame) {
        return frame instanceof YouthFrame.Auth auth ? Optional.of(auth.token() == null ? "" : auth.token())
                : Optional.empty();
    }

    @Override
    void connected(String session, Connection connection) {
        chat.youthConnected(session, connection);
    }

    @Override
    void disconnected(String session, boolean lastHere) {
        chat.youthDisconnected(session, lastHere);
    }

    @Override
    void handle(String session, YouthFrame frame) {
        if (frame instanceof YouthFrame.Open f) {
            chat.open(session, f.topic(), f.ageBand(), f.continuationCode());
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
        }
    }
}
