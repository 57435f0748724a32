package no.fristed.chat.socket;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which WebSocket endpoints this instance serves: the container asks once at start, before CDI beans exist, hence
 * the key read straight from the configuration ({@code ChatConfig#echoEndpoint}).
 */
public class ChatEndpoints implements ServerApplicationConfig {

    static final String ECHO_KEY = "fristed.chat.echo-endpoint";

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpoints) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        boolean echo = ConfigProvider.getConfig().getOptionalValue(ECHO_KEY, Boolean.class).orElse(false);
        return scanned.stream().filter(endpoint -> echo || endpoint != EchoSocket.class).collect(Collectors.toSet());
    }
}
