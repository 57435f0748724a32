package no.fristed.chat.socket;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * A bare echo on /ws/echo, the baseline the benchmark compares the chat relay's latency with. It is deployed only
 * when {@code fristed.chat.echo-endpoint} is on (see {@link ChatEndpoints}).
 */
@ServerEndpoint("/ws/echo")
public class EchoSocket {

    @OnMessage
    public void echo(Session socket, String text) throws IOException {
        synchronized (socket) {
            socket.getBasicRemote().sendText(text);
        }
    }
}
