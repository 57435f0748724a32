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
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Benchmarks, run only by {@code mvn -Pbench verify}: chat relay against a bare echo, idle sockets, search
 * throughput against a trivial endpoint, and start-up. Figures go to target/bench; timings are never asserted.
 * Sizes: -Dbench.conversations (1000), -Dbench.seconds (20), -Dbench.idle (10000).
 */
@QuarkusTest
@Tag("bench")
class FristedBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 1000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int IDLE = Integer.getInteger("bench.idle", 10_000);

    @TestHTTPResource("/ws/youth")
    URI youthUri;
    @TestHTTPResource("/ws/counsellor")
    URI counsellorUri;
    @TestHTTPResource("/ws/echo")
    URI echoUri;
    @TestHTTPResource("/")
    URI root;
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
        BenchReport.write();
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
        String section = "Chat relay (" + CONVERSATIONS + " conversations = " + (CONVERSATIONS * 2) + " chat sockets, "
                + "plus " + CONVERSATIONS + " echo sockets, one message per second each, " + SECONDS + " s)";
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
        String section = "Idle youth sockets (client and server in one process: figures are upper bounds)";
        BenchReport.add(section, "sockets", count);
        BenchReport.add(section, "open-file limit", limit);
        BenchReport.add(section, "heap per connection KB", Math.round((heapAfter - heapBefore) / 1024.0 / count * 10) / 10.0);
        BenchReport.add(section, "RSS per connection KB", Math.round((rssAfter - rssBefore) * 10.0 / count) / 10.0);
        sockets.forEach(s -> close(s.session));
    }

    @Test
    void searchThroughputAgainstATrivialEndpoint() throws Exception {
        String section = "Catalogue and fact search (16 client threads, 10 s each, same server)";
        double trivial = load(section, "trivial GET /api/v1/topics", "/api/v1/topics");
        double services = load(section, "service search", "/api/v1/services?municipality=Bergen&age=15&openNow=true&anonymousOnly=false&topic=cannabis");
        double facts = load(section, "fact search", "/api/v1/facts/search?q=weed&ageBand=16-17");
        BenchReport.add(section, "service search / trivial throughput", Math.round(100 * services / trivial) / 100.0);
        BenchReport.add(section, "fact search / trivial throughput", Math.round(100 * facts / trivial) / 100.0);
    }

    @Test
    void startUpOfThePackagedService() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            BenchReport.add("Start-up", "skipped", "no packaged jar (run mvn -Pbench verify)");
            return;
        }
        Path work = Files.createTempDirectory("fristed-bench");
        Files.createSymbolicLink(work.resolve("content"), Path.of("content").toAbsolutePath());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        long started = System.nanoTime();
        Process process = new ProcessBuilder("java", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=0", "-jar",
                jar.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("out.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest first = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/topics")).build();
        long servedAfter = -1;
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
            try {
                if (http.send(first, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    servedAfter = (System.nanoTime() - started) / 1_000_000;
                    break;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        Thread.sleep(1000);
        long rss = rssKb(process.pid());
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        BenchReport.add("Start-up (embedded default, fresh database)", "first served request ms", servedAfter);
        BenchReport.add("Start-up (embedded default, fresh database)", "RSS after start MB", rss / 1024);
    }

    private double load(String section, String name, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).build();
        Recorder latency = new Recorder(3);
        AtomicLong done = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(10);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            workers.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (t0 > warmEnd) {
                        latency.recordValue((System.nanoTime() - t0) / 1000);
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        clients.shutdown();
        double perSecond = done.get() / 10.0;
        BenchReport.add(section, name + " requests/s", Math.round(perSecond));
        BenchReport.add(section, name + " p99 ms", BenchReport.millis(latency.getIntervalHistogram().getValueAtPercentile(99)));
        return perSecond;
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
        return rssKb(ProcessHandle.current().pid());
    }

    private static long rssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
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
