package no.fristed.bench;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** A bare echo endpoint, only in tests: the baseline the chat relay's latency is compared with. */
@ServerEndpoint("/ws/echo")
public class EchoSocket {

    @OnMessage
    public void echo(Session socket, String text) throws IOException {
        synchronized (socket) {
            socket.getBasicRemote().sendText(text);
        }
    }
}
