package no.fristed.chat.socket;

import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import no.fristed.chat.ChatConnections;
import no.fristed.chat.ChatService;
import no.fristed.chat.Safeguards;
import no.fristed.chat.Connection;
import no.fristed.chat.protocol.AuthFrame;
import no.fristed.chat.protocol.FrameCodec;

/**
 * The life of a chat socket, the same for both sides: authenticate, hand each frame to the side's handler, and tell
 * the chat when the socket goes. Subclasses are stateless singletons: per-connection instances could be destroyed
 * before a late close event arrives.
 *
 * @param <F> the frames this side sends
 */
abstract class ChatSocket<F> {

    private final Set<String> groups;
    private final Class<F> frames;
    private final UnaryOperator<String> participant;

    @Inject
    SocketSupport support;
    @Inject
    ChatService chat;
    @Inject
    ChatConnections connections;
    @Inject
    Safeguards safeguards;

    /**
     * @param groups the JWT groups this endpoint accepts (any one of them)
     * @param frames the side's sealed frame type
     * @param participant the bus's name for an authenticated principal (a session id or a username)
     */
    ChatSocket(Set<String> groups, Class<F> frames, UnaryOperator<String> participant) {
        this.groups = groups;
        this.frames = frames;
        this.participant = participant;
    }

    Set<String> groups() {
        return groups;
    }

    String participant(String principal) {
        return participant.apply(principal);
    }

    FrameCodec.Incoming<F> read(FrameCodec codec, String text) {
        return codec.read(text, frames);
    }

    /** The token of an auth frame ("" when it has none); empty for every other frame. */
    Optional<String> token(F frame) {
        return frame instanceof AuthFrame auth ? Optional.of(auth.token() == null ? "" : auth.token())
                : Optional.empty();
    }

    /** The socket authenticated, with the token's groups (roles). */
    abstract void connected(String principal, Set<String> groups, Connection connection);

    abstract void disconnected(String principal, boolean lastHere);

    /** One authenticated frame, with the groups (roles) of the socket's token. */
    abstract void handle(String principal, Set<String> groups, F frame);

    @OnOpen
    public void open(Session socket) {
        support.opened(socket, this);
    }

    /** A chat frame is small: the longest message is a few kilobytes of JSON. */
    @OnMessage(maxMessageSize = 16_384)
    public void message(Session socket, String text) {
        support.received(socket, text, this);
    }

    @OnClose
    public void close(Session socket) {
        support.closed(socket, this);
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        support.failed(socket, this);
    }
}
