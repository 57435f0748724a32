package no.fristed.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The chat load generator, a process of its own so that its sockets and threads do not share a JVM with the server
 * it measures: {@code java -cp <test classpath> no.fristed.bench.ChatLoad [options]}. Its client is Vert.x's
 * non-blocking WebSocket client on two event loops, so it stays well under one core. It prints one JSON line on
 * stdout (progress goes to stderr) and exits.
 *
 * <p>A relay run: counsellor sockets authenticate with the staff tokens and set themselves available; youth sessions
 * come from {@code POST /api/v1/sessions}; youth sockets authenticate and open a chat, and each waiting chat is
 * claimed by its counsellor at once ({@code setup} is the time from the first youth socket to the last chat
 * assigned). Then every young person sends {@code --rate} messages per second, spread evenly over each period (young
 * person i at i/N of it); relay latency is send → the counsellor reading the relayed message (the send time is in
 * the text). Echo sockets, when asked for, send at the same rate, interleaved with the chat messages, and their
 * latency is send → the echo. Only messages sent after the warm-up count. Latencies are HdrHistogram percentiles in
 * microseconds.
 *
 * <p>An idle run ({@code --idle N}): N youth sockets, each with a session of its own, authenticate and then stay
 * idle; once all are ready it prints the JSON line and keeps them open until stdin ends (the caller measures the
 * server meanwhile, then closes this process's stdin).
 *
 * <p>Options:
 * <ul>
 * <li>{@code --youth-urls http://host:port[,…]}: the servers youth sessions and sockets use, round-robin (required)</li>
 * <li>{@code --counsellor-urls …}: the servers counsellor sockets use, round-robin (default: the youth URLs)</li>
 * <li>{@code --echo-urls …}: servers with the bench echo endpoint /ws/echo, round-robin (default: no echo)</li>
 * <li>{@code --chats N}: chats, one young person each (1000)</li>
 * <li>{@code --chats-per-counsellor K}: chats each counsellor claims, 1 to 10 (1)</li>
 * <li>{@code --staff-tokens FILE}: one counsellor token per line, at least ceil(N / K) (required for a relay run;
 *     {@link BenchKeys} writes one)</li>
 * <li>{@code --rate R}: messages per second per young person, and per echo socket (1.0)</li>
 * <li>{@code --seconds S}: measured seconds (20)</li>
 * <li>{@code --warmup W}: seconds of sending before the measurement (3)</li>
 * <li>{@code --idle N}: an idle run with N sockets instead of a relay run</li>
 * </ul>
 *
 * <p>The JSON line of a relay run: {@code chats}, {@code counsellors}, {@code sessionsMillis} (fetching the youth
 * tokens), {@code setupMillis}, {@code seconds}, {@code rate}, {@code relay} and {@code echo} (each {@code sent},
 * {@code received}, {@code lost}, {@code perSecond}, {@code p50}, {@code p99}, {@code p999}, {@code max},
 * {@code mean} in µs), {@code errors} (error frames), {@code closed} (sockets the server closed),
 * {@code maxSendLagMicros} (how late the generator sent, the sign of a generator that is the bottleneck) and
 * {@code cpuCoresUsed} (this process during sending). An idle run: {@code idle}, {@code ready}, {@code setupMillis}.
 */
public final class ChatLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The open-file limit the generator runs with, and the chat benchmarks' server: one descriptor per socket. An
     * unprivileged process can raise its limit only up to the hard limit.
     */
    public static final int OPEN_FILES = openFileLimit();
    /** Connections and session requests in flight at once. */
    private static final int IN_FLIGHT = 64;

    private final Vertx vertx;
    private final WebSocketClient sockets;
    private final HttpClient http;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile boolean closing;
    private final List<WebSocket> open = new ArrayList<>();

    private ChatLoad() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
        sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
                .setConnectTimeout(30_000).setTcpNoDelay(true).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
        http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(IN_FLIGHT).setKeepAlive(true));
    }

    /**
     * Starts the generator in a JVM of its own (from a test: the test classpath, an open-file limit of
     * {@link #OPEN_FILES}), its stderr to {@code workDir/name.log}.
     */
    public static Process launch(Path workDir, String name, List<String> options) throws IOException {
        Files.createDirectories(workDir);
        // Under failsafe java.class.path is only a manifest jar; the test classpath is in this property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path argFile = workDir.resolve(name + ".args");
        Files.writeString(argFile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
        List<String> command = new ArrayList<>(List.of("prlimit", "--nofile=" + OPEN_FILES + ":" + OPEN_FILES,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseParallelGC",
                "@" + argFile.toAbsolutePath(), ChatLoad.class.getName()));
        command.addAll(options);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(
                workDir.resolve(name + ".log").toFile())).start();
    }

    /** Runs a relay run to its end and returns its JSON line. */
    public static Map<String, Object> run(Path workDir, String name, List<String> options) throws Exception {
        Process process = launch(workDir, name, options);
        process.getOutputStream().close();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("ChatLoad failed; see " + workDir.resolve(name + ".log").toAbsolutePath());
        }
        return JSON.readValue(line, new TypeReference<Map<String, Object>>() { });
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        ChatLoad load = new ChatLoad();
        Map<String, Object> result;
        try {
            result = options.containsKey("idle") ? load.idle(options) : load.relay(options);
        } finally {
            load.close();
        }
        if (result != null) {
            print(result);
        }
        System.exit(0);
    }

    private static void print(Map<String, Object> result) throws IOException {
        System.out.println(JSON.writeValueAsString(result));
        System.out.flush();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Options are --name value pairs; see the class Javadoc: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("youth-urls")) {
            throw new IllegalArgumentException("--youth-urls is required");
        }
        return options;
    }

    private static List<URI> urls(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
    }

    private Map<String, Object> relay(Map<String, String> options) throws Exception {
        List<URI> youthUrls = urls(options.get("youth-urls"));
        List<URI> counsellorUrls = urls(options.getOrDefault("counsellor-urls", options.get("youth-urls")));
        List<URI> echoUrls = urls(options.getOrDefault("echo-urls", ""));
        int chats = Integer.parseInt(options.getOrDefault("chats", "1000"));
        int perCounsellor = Integer.parseInt(options.getOrDefault("chats-per-counsellor", "1"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "1"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        int counsellorCount = (chats + perCounsellor - 1) / perCounsellor;
        List<String> staff = Files.readAllLines(Path.of(options.get("staff-tokens"))).stream()
                .filter(s -> !s.isBlank()).toList();
        if (staff.size() < counsellorCount) {
            throw new IllegalArgumentException(counsellorCount + " counsellor tokens needed, the file has " + staff.size());
        }
        Recorder relay = new Recorder(3);
        Recorder echo = new Recorder(3);
        long base = System.nanoTime();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong relayReceived = new AtomicLong();
        AtomicLong echoReceived = new AtomicLong();

        progress("connecting " + counsellorCount + " counsellors");
        WebSocket[] counsellors = new WebSocket[counsellorCount];
        CountDownLatch available = new CountDownLatch(counsellorCount);
        CountDownLatch assigned = new CountDownLatch(chats);
        await(inBatches(counsellorCount, i -> {
            return connect(counsellorUrls.get(i % counsellorUrls.size()), "/ws/counsellor", text -> {
                if (text.startsWith("{\"type\":\"message\"") && text.contains("\"from\":\"youth\"")) {
                    long sentAt = sentAt(text);
                    if (sentAt >= measureFrom.get()) {
                        relay.recordValue(Math.max(0, (System.nanoTime() - base - sentAt) / 1000));
                        relayReceived.incrementAndGet();
                    }
                } else if (text.startsWith("{\"type\":\"ready\"")) {
                    counsellors[i].writeTextMessage(frame("type", "availability", "available", true, "capacity", perCounsellor));
                } else if (text.startsWith("{\"type\":\"availability\"")) {
                    available.countDown();
                }
            }).map(socket -> {
                counsellors[i] = socket;
                socket.writeTextMessage(frame("type", "auth", "token", staff.get(i)));
                return socket;
            });
        }));
        awaitLatch(available, "counsellors available");

        progress("fetching " + chats + " youth sessions");
        long sessionsStart = System.nanoTime();
        List<String> youthTokens = sessions(youthUrls, chats);
        long sessionsMillis = millisSince(sessionsStart);

        progress("opening and claiming " + chats + " chats");
        WebSocket[] youths = new WebSocket[chats];
        String[] conversations = new String[chats];
        long setupStart = System.nanoTime();
        await(inBatches(chats, i -> connect(youthUrls.get(i % youthUrls.size()), "/ws/youth", text -> {
            if (text.startsWith("{\"type\":\"ready\"")) {
                youths[i].writeTextMessage(frame("type", "open", "topic", "alkohol"));
            } else if (text.startsWith("{\"type\":\"queued\"") && conversations[i] == null) {
                conversations[i] = field(text, "conversationId");
                counsellors[i / perCounsellor].writeTextMessage(frame("type", "claim", "conversationId",
                        conversations[i]));
            } else if (text.startsWith("{\"type\":\"assigned\"")) {
                assigned.countDown();
            }
        }).map(socket -> {
            youths[i] = socket;
            socket.writeTextMessage(frame("type", "auth", "token", youthTokens.get(i)));
            return socket;
        })));
        awaitLatch(assigned, "chats assigned");
        long setupMillis = millisSince(setupStart);

        WebSocket[] echoes = new WebSocket[echoUrls.isEmpty() ? 0 : chats];
        if (echoes.length > 0) {
            progress("opening " + chats + " echo sockets");
            await(inBatches(chats, i -> connect(echoUrls.get(i % echoUrls.size()), "/ws/echo", text -> {
                long sentAt = sentAt(text);
                if (sentAt >= measureFrom.get()) {
                    echo.recordValue(Math.max(0, (System.nanoTime() - base - sentAt) / 1000));
                    echoReceived.incrementAndGet();
                }
            }).map(socket -> echoes[i] = socket)));
        }

        progress("sending for " + warmup + " + " + seconds + " s");
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        int lanes = echoes.length > 0 ? 2 : 1;
        long events = (long) chats * lanes;
        long start = System.nanoTime() - base + TimeUnit.MILLISECONDS.toNanos(100);
        long measureStart = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureStart + TimeUnit.SECONDS.toNanos(seconds);
        measureFrom.set(measureStart);
        long relaySent = 0;
        long echoSent = 0;
        long maxLag = 0;
        long cpuBefore = cpuNanos();
        long wallBefore = System.nanoTime();
        for (long e = 0; ; e++) {
            long due = start + e / events * period + (e % events) * period / events;
            if (due >= end) {
                break;
            }
            long now = System.nanoTime() - base;
            if (due > now) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime() - base;
            }
            maxLag = due >= measureStart ? Math.max(maxLag, now - due) : maxLag;
            int slot = (int) (e % events);
            int who = slot / lanes;
            String text = "bench " + stamp(System.nanoTime() - base);
            if (slot % lanes == 0) {
                youths[who].writeTextMessage(frame("type", "message", "conversationId", conversations[who],
                        "clientMessageId", "m" + e, "text", text));
                relaySent += due >= measureStart ? 1 : 0;
            } else {
                echoes[who].writeTextMessage(frame("text", text));
                echoSent += due >= measureStart ? 1 : 0;
            }
        }
        double cores = (double) (cpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
        progress("draining");
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < drainUntil
                && (relayReceived.get() < relaySent || echoReceived.get() < echoSent)) {
            Thread.sleep(50);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("chats", chats);
        result.put("counsellors", counsellorCount);
        result.put("sessionsMillis", sessionsMillis);
        result.put("setupMillis", setupMillis);
        result.put("seconds", seconds);
        result.put("rate", rate);
        result.put("relay", latencies(relay.getIntervalHistogram(), relaySent, relayReceived.get(), seconds));
        if (echoes.length > 0) {
            result.put("echo", latencies(echo.getIntervalHistogram(), echoSent, echoReceived.get(), seconds));
        }
        result.put("errors", errors.get());
        result.put("firstError", firstError.get());
        result.put("closed", closed.get());
        result.put("maxSendLagMicros", maxLag / 1000);
        result.put("cpuCoresUsed", Math.round(cores * 100) / 100.0);
        return result;
    }

    private Map<String, Object> idle(Map<String, String> options) throws Exception {
        List<URI> youthUrls = urls(options.get("youth-urls"));
        int count = Integer.parseInt(options.get("idle"));
        progress("fetching " + count + " youth sessions");
        List<String> tokens = sessions(youthUrls, count);
        progress("opening " + count + " idle youth sockets");
        CountDownLatch ready = new CountDownLatch(count);
        long start = System.nanoTime();
        await(inBatches(count, i -> connect(youthUrls.get(i % youthUrls.size()), "/ws/youth", text -> {
            if (text.startsWith("{\"type\":\"ready\"")) {
                ready.countDown();
            }
        }).map(socket -> {
            socket.writeTextMessage(frame("type", "auth", "token", tokens.get(i)));
            return socket;
        })));
        ready.await(120, TimeUnit.SECONDS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("idle", count);
        result.put("ready", count - ready.getCount());
        result.put("setupMillis", millisSince(start));
        result.put("closed", closed.get());
        result.put("errors", errors.get());
        print(result);
        progress("holding the sockets until stdin ends");
        while (System.in.read() >= 0) {
            // waiting for the caller to finish measuring
        }
        return null;
    }

    /** Youth session tokens, token i from server i (round-robin). */
    private List<String> sessions(List<URI> urls, int count) throws Exception {
        String[] tokens = new String[count];
        await(inBatches(count, i -> {
            URI url = urls.get(i % urls.size());
            return http.request(HttpMethod.POST, url.getPort(), url.getHost(), "/api/v1/sessions")
                    .compose(request -> request.send())
                    .compose(response -> response.statusCode() / 100 == 2 ? response.body()
                            : Future.failedFuture("POST /api/v1/sessions answered " + response.statusCode()))
                    .map(body -> tokens[i] = field(body.toString(StandardCharsets.UTF_8), "token"));
        }));
        return List.of(tokens);
    }

    private Future<WebSocket> connect(URI server, String path, Consumer<String> onText) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(server.getHost())
                .setPort(server.getPort()).setURI(path);
        return sockets.connect(options).map(socket -> {
            socket.textMessageHandler(text -> {
                if (text.startsWith("{\"type\":\"error\"")) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, field(text, "code"));
                }
                onText.accept(text);
            });
            socket.closeHandler(v -> {
                if (!closing) {
                    closed.incrementAndGet();
                }
            });
            socket.exceptionHandler(failure -> firstError.compareAndSet(null, failure.toString()));
            synchronized (open) {
                open.add(socket);
            }
            return socket;
        });
    }

    /** Starts {@code count} operations with at most {@link #IN_FLIGHT} running at once; completes when all have. */
    private static <T> CompletableFuture<Void> inBatches(int count, IntFunction<Future<T>> start) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CompletableFuture<Void> all = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(count);
        if (count == 0) {
            all.complete(null);
        }
        Thread starter = new Thread(() -> {
            for (int i = 0; i < count && !all.isDone(); i++) {
                slots.acquireUninterruptibly();
                start.apply(i).onComplete(done -> {
                    slots.release();
                    if (done.failed()) {
                        all.completeExceptionally(done.cause());
                    } else if (left.decrementAndGet() == 0) {
                        all.complete(null);
                    }
                });
            }
        }, "chat-load-start");
        starter.setDaemon(true);
        starter.start();
        return all;
    }

    private static void await(CompletableFuture<Void> all) throws Exception {
        all.get(180, TimeUnit.SECONDS);
    }

    private void awaitLatch(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException(latch.getCount() + " short of " + what + "; errors: " + errors.get()
                    + ", first: " + firstError.get());
        }
    }

    private void close() {
        closing = true;
        List<WebSocket> all;
        synchronized (open) {
            all = List.copyOf(open);
        }
        all.forEach(socket -> socket.close());
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }

    private static Map<String, Object> latencies(Histogram histogram, long sent, long received, int seconds) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sent", sent);
        figures.put("received", received);
        figures.put("lost", Math.max(0, sent - received));
        figures.put("perSecond", Math.round((double) received / seconds));
        figures.put("p50", histogram.getValueAtPercentile(50));
        figures.put("p99", histogram.getValueAtPercentile(99));
        figures.put("p999", histogram.getValueAtPercentile(99.9));
        figures.put("max", histogram.getMaxValue());
        figures.put("mean", Math.round(histogram.getMean()));
        return figures;
    }

    /** A frame from name/value pairs. */
    private static String frame(Object... pairs) {
        Map<String, Object> frame = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            frame.put((String) pairs[i], pairs[i + 1]);
        }
        try {
            return JSON.writeValueAsString(frame);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string field of a flat JSON object, read without parsing the rest. */
    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int from = json.indexOf(key);
        if (from < 0) {
            throw new IllegalStateException("No " + name + " in a frame of type " + field(json, "type"));
        }
        from += key.length();
        return json.substring(from, json.indexOf('"', from));
    }

    /**
     * A send time in letters: a privacy guard may take a run of digits for a phone number, and would then hold the
     * message back.
     */
    private static String stamp(long nanos) {
        char[] letters = Long.toHexString(nanos).toCharArray();
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + Character.digit(letters[i], 16));
        }
        return new String(letters);
    }

    private static long sentAt(String frame) {
        String text = field(frame, "text");
        long nanos = 0;
        for (int i = text.indexOf(' ') + 1; i < text.length(); i++) {
            nanos = nanos << 4 | (text.charAt(i) - 'a');
        }
        return nanos;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int openFileLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(l -> l.startsWith("Max open files")).map(l -> l.trim().split("\\s+")[4])
                    .map(hard -> "unlimited".equals(hard) ? 65_536 : Math.min(65_536, Integer.parseInt(hard)))
                    .findFirst().orElse(65_536);
        } catch (IOException e) {
            return 65_536;
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void progress(String what) {
        System.err.println("ChatLoad: " + what);
    }
}
