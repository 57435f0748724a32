package no.fristed.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-address cap and the time a socket gets to authenticate, with small settings. */
@QuarkusTest
@TestProfile(ChatSocketLimitsTest.SmallLimits.class)
class ChatSocketLimitsTest extends ChatTestSupport {

    /** Three sockets per address, one second to authenticate. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fristed.chat.sockets-per-address", "3", "fristed.chat.auth-timeout", "1s");
        }
    }

    @Test
    void oneNetworkAddressGetsOnlySoManySocketsUntilOneCloses() {
        List<ChatClient> sockets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sockets.add(authenticatedOnOpen());
        }
        ChatClient fourth = adopt(ChatClient.connect(youthUri, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> !fourth.isOpen());
        assertTrue(sockets.stream().allMatch(ChatClient::isOpen));

        sockets.get(0).close();
        String token = newYouthToken();
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().ignoreExceptions()
                .untilAsserted(() -> assertTrue(adopt(ChatClient.connect(youthUri, token)).isOpen()));
    }

    /**
     * A socket with its token in the URL, authenticated as it opens: the second this profile gives to authenticate
     * must not race the test's own auth frame on a busy machine.
     */
    private ChatClient authenticatedOnOpen() {
        ChatClient client = adopt(ChatClient.connect(URI.create(youthUri + "?token=" + newYouthToken()), null));
        client.next("ready");
        return client;
    }

    @Test
    void theBenchmarksEchoEndpointIsNotServedUnlessSwitchedOn() {
        URI echo = URI.create(youthUri.toString().replace("/ws/youth", "/ws/echo"));
        assertThrows(IllegalStateException.class, () -> adopt(ChatClient.connect(echo, null)));
    }

    @Test
    void aSocketThatNeverAuthenticatesIsClosed() {
        ChatClient silent = adopt(ChatClient.connect(youthUri, null));
        ChatClient authenticated = authenticatedOnOpen();
        await().atMost(Duration.ofSeconds(5)).until(() -> !silent.isOpen());
        assertTrue(authenticated.isOpen());
        assertFalse(silent.isOpen());
    }
}
