package no.fristed.chat.socket;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.undertow.websockets.UndertowSession;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.fristed.access.RevokedTokens;
import no.fristed.access.TokensRevoked;
import no.fristed.chat.ChatConfig;
import no.fristed.chat.protocol.FrameCodec;
import no.fristed.chat.protocol.ServerFrame;
import no.fristed.common.DomainException;
import no.fristed.privacy.ClientKeys;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * What both chat endpoints share: authenticating the socket (the token as the first frame, or as a query parameter
 * because browsers cannot set headers on a WebSocket handshake; never logged), reading frames, and answering
 * mistakes with error frames instead of closing the socket. It also keeps this instance's sockets within bounds: a
 * few per session or counsellor (a new one closes the oldest), a cap per client address (counted by a rotating
 * keyed hash, never the address), a few seconds to authenticate, and none left open once its token is revoked.
 */
@ApplicationScoped
public class SocketSupport {

    private static final Logger LOG = Logger.getLogger(SocketSupport.class);
    private static final String PRINCIPAL = "fristed.principal";
    private static final String TOKEN = "fristed.token";
    private static final String CLIENT = "fristed.client";
    /** Set while the socket is in the registry, so a close and an error after it tell the chat only once. */
    private static final String REGISTERED = "fristed.registered";
    private static final DomainException AUTH_FIRST =
            new DomainException.Refused("unauthenticated", "Send an auth frame with your token first");
    private static final DomainException BAD_TOKEN = new DomainException.Refused("unauthenticated",
            "The token is missing, invalid, expired or not for this endpoint");
    private static final DomainException ENDED =
            new DomainException.Refused("unauthenticated", "Your session has ended; sign in again");

    private final JWTParser parser;
    private final RevokedTokens revoked;
    private final ClientKeys clientKeys;
    private final ChatConfig config;
    private final FrameCodec codec;
    private final SocketRegistry registry;
    /** This instance's open sockets per client key. */
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final ScheduledExecutorService authTimeouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chat-auth-timeout");
        thread.setDaemon(true);
        return thread;
    });

    SocketSupport(JWTParser parser, RevokedTokens revoked, ClientKeys clientKeys, ChatConfig config,
            FrameCodec codec, SocketRegistry registry) {
        this.parser = parser;
        this.revoked = revoked;
        this.clientKeys = clientKeys;
        this.config = config;
        this.codec = codec;
        this.registry = registry;
    }

    @PreDestroy
    void stop() {
        authTimeouts.shutdownNow();
    }

    /**
     * On open: refuses a socket over its address's cap, gives it a few seconds to authenticate, and authenticates
     * from the query parameter if there is one.
     */
    <F> void opened(Session socket, ChatSocket<F> endpoint) {
        if (!admitted(socket)) {
            return;
        }
        authTimeouts.schedule(() -> {
            if (principal(socket) == null && socket.isOpen()) {
                close(socket, CloseReason.CloseCodes.VIOLATED_POLICY, "Not authenticated in time");
            }
        }, config.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
        List<String> token = socket.getRequestParameterMap().get("token");
        if (token != null && !token.isEmpty()) {
            authenticate(socket, token.get(0), endpoint);
        }
    }

    /** On close (or error, so possibly twice): the socket no longer counts, and the chat hears of it once. */
    <F> void closed(Session socket, ChatSocket<F> endpoint) {
        String client = (String) socket.getUserProperties().remove(CLIENT);
        if (client != null) {
            perClient.computeIfPresent(client, (key, count) -> count > 1 ? count - 1 : null);
        }
        // The principal stays: a frame the client sent just before closing may still be handled after this.
        String principal = principal(socket);
        if (principal != null && socket.getUserProperties().remove(REGISTERED) != null) {
            endpoint.disconnected(principal, registry.remove(endpoint.participant(principal),
                    SocketConnection.of(socket)));
        }
    }

    /** Closes every socket here whose token was revoked (a deleted session, a staff member's ended tokens). */
    void tokensRevoked(@Observes TokensRevoked event) {
        registry.all().stream().map(SocketConnection::socket).filter(this::revoked).forEach(this::endRevoked);
    }

    /** Handles one incoming frame: authentication first, then the endpoint's own frames. */
    <F> void received(Session socket, String text, ChatSocket<F> endpoint) {
        String principal = principal(socket);
        if (principal != null && (revoked(socket) || expired(socket))) {
            endRevoked(socket);
            return;
        }
        FrameCodec.Incoming<F> incoming;
        try {
            incoming = endpoint.read(codec, text);
        } catch (DomainException e) {
            refuse(socket, principal == null && "unknown-type".equals(e.code()) ? AUTH_FIRST : e, null);
            return;
        }
        Optional<String> token = endpoint.token(incoming.frame());
        if (principal == null) {
            if (token.isPresent()) {
                authenticate(socket, token.get(), endpoint);
            } else {
                refuse(socket, AUTH_FIRST, null);
            }
            return;
        }
        if (token.isPresent()) {
            return;
        }
        try {
            endpoint.handle(principal, token(socket).getGroups(), incoming.frame());
        } catch (DomainException e) {
            refuse(socket, e, incoming.conversationId());
        } catch (RuntimeException e) {
            // Only the type: the message could quote what was written.
            LOG.errorf("Chat frame failed: %s", e.getClass().getName());
            SocketConnection.of(socket).send(codec.control(null, 0,
                    new ServerFrame.Error("internal", "Something went wrong on our side")));
        }
    }

    private static String principal(Session socket) {
        return (String) socket.getUserProperties().get(PRINCIPAL);
    }

    private void refuse(Session socket, DomainException failure, String conversationId) {
        SocketConnection.of(socket).send(codec.error(failure, conversationId));
    }

    private <F> void authenticate(Session socket, String token, ChatSocket<F> endpoint) {
        Optional<JsonWebToken> jwt = verify(token, endpoint.groups());
        if (jwt.isEmpty()) {
            refuse(socket, BAD_TOKEN, null);
            close(socket, CloseReason.CloseCodes.VIOLATED_POLICY, "Not authenticated");
            return;
        }
        String principal = jwt.get().getName();
        socket.getUserProperties().put(TOKEN, jwt.get());
        socket.getUserProperties().put(PRINCIPAL, principal);
        SocketConnection connection = SocketConnection.of(socket);
        socket.getUserProperties().put(REGISTERED, Boolean.TRUE);
        registry.add(endpoint.participant(principal), connection, config.socketsPerSession()).ifPresent(oldest ->
                close(oldest.socket(), CloseReason.CloseCodes.VIOLATED_POLICY, "Too many connections for this session"));
        // A close that came while this socket was being added saw nothing to remove: undo it here.
        if (!socket.isOpen() && socket.getUserProperties().remove(REGISTERED) != null) {
            endpoint.disconnected(principal, registry.remove(endpoint.participant(principal), connection));
            return;
        }
        endpoint.connected(principal, jwt.get().getGroups(), connection);
    }

    private Optional<JsonWebToken> verify(String token, Set<String> groups) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            return jwt.getGroups().stream().anyMatch(groups::contains) && !revoked.isRevoked(jwt) ? Optional.of(jwt)
                    : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** Counts the socket against its client address's cap, or closes it when the cap is reached. */
    private boolean admitted(Session socket) {
        Optional<String> address = address(socket);
        if (address.isEmpty()) {
            return true;
        }
        String client = clientKeys.of(address.get());
        if (perClient.merge(client, 1, Integer::sum) > config.socketsPerAddress()) {
            perClient.computeIfPresent(client, (key, count) -> count > 1 ? count - 1 : null);
            close(socket, CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too many connections from this network");
            return false;
        }
        socket.getUserProperties().put(CLIENT, client);
        return true;
    }

    /** The peer's address, read only to be turned into a client key at once. */
    private static Optional<String> address(Session socket) {
        if (socket instanceof UndertowSession undertow
                && undertow.getChannel().remoteAddress() instanceof InetSocketAddress remote
                && remote.getAddress() != null) {
            return Optional.of(remote.getAddress().getHostAddress());
        }
        return Optional.empty();
    }

    private boolean revoked(Session socket) {
        JsonWebToken token = token(socket);
        return token != null && revoked.isRevoked(token);
    }

    /** A socket stays authenticated only as long as its token is valid. */
    private static boolean expired(Session socket) {
        JsonWebToken token = token(socket);
        return token != null && token.getExpirationTime() > 0
                && token.getExpirationTime() < System.currentTimeMillis() / 1000;
    }

    private static JsonWebToken token(Session socket) {
        return (JsonWebToken) socket.getUserProperties().get(TOKEN);
    }

    /** After a failure the container reports: the socket no longer counts, and it is closed. */
    <F> void failed(Session socket, ChatSocket<F> endpoint) {
        closed(socket, endpoint);
        close(socket, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "Something went wrong on our side");
    }

    private void endRevoked(Session socket) {
        refuse(socket, ENDED, null);
        close(socket, CloseReason.CloseCodes.VIOLATED_POLICY, "Session ended");
    }

    private static void close(Session socket, CloseReason.CloseCode code, String reason) {
        try {
            socket.close(new CloseReason(code, reason));
        } catch (IOException | IllegalStateException e) {
            LOG.debugf("Close failed: %s", e.getClass().getSimpleName());
        }
    }
}
