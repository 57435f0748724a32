package no.fristed.chat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.fristed.testing.ClusterRun;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.ServiceInstance;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis restarting under a running chat. The instance talks to a Redis server of this test's own (the machine's
 * redis-server binary, on a free port, with nothing on disk, as the README prescribes), so stopping it disturbs
 * nothing else.
 */
@ExtendWith(ClusterServices.class)
class RedisRestartIT extends ClusterTestSupport {

    static ClusterRun run;
    static int redisPort;
    static Process redis;
    static ServiceInstance instance;

    @BeforeAll
    static void anInstanceOnARedisOfItsOwn() throws Exception {
        run = ClusterRun.create(Path.of("target/cluster-it"));
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        startRedis();
        instance = ServiceInstance.start("r", run.workDir(), run.environment("redis://127.0.0.1:" + redisPort));
    }

    @AfterAll
    static void stopEverything() throws SQLException {
        if (instance != null) {
            instance.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
        if (run != null) {
            run.drop();
        }
    }

    @Test
    void chatsInProgressAreToldPlainlyAndTheChatWorksAgainAfterARedisRestart() throws Exception {
        ChatClient kari = counsellor(instance, "kari");
        ChatClient youth = youth(instance);
        String id = claimed(youth, kari);
        send(youth, id, "Før Redis stoppet " + marker());
        kari.next("message");

        stopRedis();
        send(youth, id, "Mens Redis er nede " + marker());
        assertEquals("unavailable", youth.next("error").path("code").asText());
        given().baseUri(instance.baseUri()).get("/api/v1/chat/status").then().statusCode(503)
                .contentType("application/problem+json");

        startRedis();
        youth.next("state-lost");
        kari.next("state-lost");
        instance.awaitReady();

        available(kari);
        String again = claimed(youth, kari);
        send(youth, again, "Etter omstart " + marker());
        assertEquals("youth", kari.next("message").path("from").asText());
        send(kari, again, "Jeg er her fortsatt " + marker());
        youth.next(f -> "message".equals(f.path("type").asText()) && "counsellor".equals(f.path("from").asText()),
                "the counsellor's answer after the restart");
        assertNothingSecretIn(instance.log());
    }

    private static void startRedis() throws IOException {
        redis = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(run.workDir().resolve("redis.log").toFile()))
                .start();
        Awaitility.await("redis on " + redisPort).atMost(Duration.ofSeconds(20))
                .until(() -> ClusterServices.answers("127.0.0.1", redisPort));
    }

    private static void stopRedis() throws InterruptedException {
        redis.destroy();
        redis.waitFor();
        Awaitility.await("redis stopped").atMost(Duration.ofSeconds(20))
                .until(() -> !ClusterServices.answers("127.0.0.1", redisPort));
    }
}
