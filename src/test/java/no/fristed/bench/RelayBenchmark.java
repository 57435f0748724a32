package no.fristed.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import no.fristed.testing.MutableClock;
import no.fristed.testing.TestTokens;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chat benchmarks, run only by {@code mvn -Pbench verify}: chat relay against a bare echo and idle sockets. Sizes:
 * -Dbench.conversations (1000), -Dbench.seconds (20), -Dbench.idle (10000).
 */
@QuarkusTest
@Tag("bench")
class RelayBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 1000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int IDLE = Integer.getInteger("bench.idle", 10_000);
    private static final String RELAY = "Chat relay (" + CONVERSATIONS + " conversations = " + (CONVERSATIONS * 2)
            + " chat sockets, plus " + CONVERSATIONS + " echo sockets, one message per second each, " + SECONDS + " s)";
    private static final String IDLE_SECTION = "Idle youth sockets (client and server in one process: figures are upper bounds)";

    @TestHTTPResource("/ws/youth")
    URI youthUri;
    @TestHTTPResource("/ws/counsellor")
    URI counsellorUri;
    @TestHTTPResource("/ws/echo")
    URI echoUri;
    @Inject
    MutableClock clock;

    /** A socket that hands every frame to a callback. */
    @ClientEndpoint
    public static class Socket {
        private volatile Consumer<String> onText = text -> { };
        Session session;

        @OnMessage
        public void text(String text) {
            onText.accept(text);
        }

        void send(String text) {
            synchronized (this) {
                try {
                    session.getBasicRemote().sendText(text);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Socket open(URI http, Consumer<String> onText) throws Exception {
        Socket socket = new Socket();
        socket.onText = onText;
        socket.session = ContainerProvider.getWebSocketContainer()
                .connectToServer(socket, URI.create(http.toString().replaceFirst("^http", "ws")));
        return socket;
    }

    private static String json(Map<String, ?> frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        BenchReport.write(RELAY, IDLE_SECTION);
    }

    @Test
    void chatRelayAgainstABareEcho() throws Exception {
        clock.setOslo(LocalDateTime.parse("2026-12-01T14:00"));
        Recorder relay = new Recorder(3);
        Recorder echo = new Recorder(3);
        int counsellorsNeeded = (CONVERSATIONS + 9) / 10;
        List<Socket> counsellors = new ArrayList<>();
        for (int i = 0; i < counsellorsNeeded; i++) {
            Socket c = open(counsellorUri, text -> {
                if (text.contains("\"from\":\"youth\"")) {
                    relay.recordValue((System.nanoTime() - sentAt(text)) / 1000);
                }
            });
            c.send(json(Map.of("type", "auth", "token", TestTokens.staff("bench-" + i, "counsellor"))));
            c.send(json(Map.of("type", "availability", "available", true, "capacity", 10)));
            counsellors.add(c);
        }
        List<Socket> youths = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            LinkedBlockingQueue<String> queued = new LinkedBlockingQueue<>();
            Socket y = open(youthUri, text -> {
                if (text.startsWith("{\"type\":\"queued\"")) {
                    queued.add(text);
                }
            });
            y.send(json(Map.of("type", "auth", "token", given().post("/api/v1/sessions").then().extract().path("token"))));
            y.send(json(Map.of("type", "open", "topic", "alkohol")));
            String id = JSON.readTree(queued.poll(10, TimeUnit.SECONDS)).path("conversationId").asText();
            counsellors.get(i / 10).send(json(Map.of("type", "claim", "conversationId", id)));
            youths.add(y);
            ids.add(id);
        }
        List<Socket> echoes = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            echoes.add(open(echoUri, text -> echo.recordValue((System.nanoTime() - sentAt(text)) / 1000)));
        }
        Thread.sleep(2000);
        relay.reset();
        echo.reset();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        AtomicLong sent = new AtomicLong();
        List<Future<?>> running = new ArrayList<>();
        for (int lane = 0; lane < 4; lane++) {
            int first = lane;
            running.add(senders.submit(() -> {
                while (System.nanoTime() < end) {
                    long tick = System.nanoTime();
                    for (int i = first; i < CONVERSATIONS; i += 4) {
                        youths.get(i).send(json(Map.of("type", "message", "conversationId", ids.get(i),
                                "clientMessageId", "b", "text", "t" + System.nanoTime())));
                        echoes.get(i).send("{\"text\":\"t" + System.nanoTime() + "\"}");
                        sent.addAndGet(2);
                    }
                    long rest = TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - tick);
                    if (rest > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(rest);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }));
        }
        for (Future<?> lane : running) {
            lane.get();
        }
        Thread.sleep(2000);
        senders.shutdown();
        Histogram relayed = relay.getIntervalHistogram();
        Histogram echoed = echo.getIntervalHistogram();
        String section = RELAY;
        BenchReport.latencies(section, "relay", relayed);
        BenchReport.latencies(section, "echo", echoed);
        BenchReport.add(section, "relay/echo p99 ratio",
                Math.round(100.0 * relayed.getValueAtPercentile(99) / Math.max(1, echoed.getValueAtPercentile(99))) / 100.0);
        BenchReport.add(section, "messages sent", sent.get());
        youths.forEach(s -> close(s.session));
        counsellors.forEach(s -> close(s.session));
        echoes.forEach(s -> close(s.session));
    }

    @Test
    void idleYouthSockets() throws Exception {
        long limit = maxFileDescriptors();
        // Client and server ends share this process: each connection costs two descriptors.
        int count = (int) Math.min(IDLE, Math.max(100, (limit - 3000) / 2));
        long heapBefore = usedHeapAfterGc();
        long rssBefore = rssKb();
        List<Socket> sockets = new ArrayList<>();
        String token = given().post("/api/v1/sessions").then().extract().path("token");
        for (int i = 0; i < count; i++) {
            Socket s = open(youthUri, text -> { });
            s.send(json(Map.of("type", "auth", "token", token)));
            sockets.add(s);
        }
        Thread.sleep(3000);
        long heapAfter = usedHeapAfterGc();
        long rssAfter = rssKb();
        String section = IDLE_SECTION;
        BenchReport.add(section, "sockets", count);
        BenchReport.add(section, "open-file limit", limit);
        BenchReport.add(section, "heap per connection KB", Math.round((heapAfter - heapBefore) / 1024.0 / count * 10) / 10.0);
        BenchReport.add(section, "RSS per connection KB", Math.round((rssAfter - rssBefore) * 10.0 / count) / 10.0);
        sockets.forEach(s -> close(s.session));
    }

    private static long sentAt(String text) {
        int at = text.indexOf("\"text\":\"t") + 9;
        int endAt = text.indexOf('"', at);
        return Long.parseLong(text.substring(at, endAt));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    }

    private static long maxFileDescriptors() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(l -> l.startsWith("Max open files"))
                .map(l -> Long.parseLong(l.trim().split("\\s+")[3])).findFirst().orElse(4096L);
    }

    private static void close(Session session) {
        try {
            session.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

}
