package no.fristed.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.fristed.bench.BenchReport.Target;
import no.fristed.testing.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chat benchmarks, run only by {@code mvn -Pbench verify}: the packaged embedded jar with the README start command's
 * heap bound in a JVM of its own, and {@link ChatLoad} as the load in another. Sizes: -Dbench.conversations (1000),
 * -Dbench.seconds (20), -Dbench.idle (10000); -Dbench.jfr=true records the server with JFR (target/bench/relay).
 */
@Tag("bench")
class RelayBenchmark {

    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 1000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int IDLE = Integer.getInteger("bench.idle", 10_000);
    private static final Path WORK = Path.of("target/bench/relay").toAbsolutePath();
    private static final String RELAY = "Chat relay (" + CONVERSATIONS + " chats, one counsellor socket each = "
            + (CONVERSATIONS * 2) + " chat sockets, plus " + CONVERSATIONS + " echo sockets; one message per second"
            + " per young person and per echo socket, spread over the second; " + SECONDS + " s; load generator in"
            + " its own process; server " + BenchServer.readmeOptionsText() + ")";
    private static final String IDLE_SECTION = "Idle authenticated youth sockets (server heap after GC, server "
            + BenchServer.readmeOptionsText() + ")";
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    @AfterAll
    static void writeReport() throws IOException {
        BenchReport.write(RELAY, IDLE_SECTION);
    }

    @Test
    void chatRelayAgainstABareEcho() throws Exception {
        Path dir = WORK.resolve("run");
        BenchKeys keys = BenchKeys.generate(dir.resolve("keys"));
        Path tokens = keys.counsellorTokens(dir.resolve("counsellor-tokens.txt"), CONVERSATIONS);
        try (ServiceInstance server = start("relay-server", dir, keys)) {
            AtomicLong peakRssKb = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peakRssKb.accumulateAndGet(server.rssKb(), Math::max), 0, 100,
                    TimeUnit.MILLISECONDS);
            Map<String, Object> result;
            try {
                result = ChatLoad.run(dir, "chat-load", List.of("--youth-urls", server.baseUri(),
                        "--echo-urls", server.baseUri(), "--chats", Integer.toString(CONVERSATIONS),
                        "--chats-per-counsellor", "1", "--staff-tokens", tokens.toString(),
                        "--seconds", Integer.toString(SECONDS), "--rate", "1"));
            } finally {
                sampler.shutdownNow();
            }
            Map<?, ?> relay = (Map<?, ?>) result.get("relay");
            Map<?, ?> echo = (Map<?, ?>) result.get("echo");
            double relayP99 = BenchReport.millis(micros(relay, "p99"));
            double echoP99 = BenchReport.millis(micros(echo, "p99"));
            String section = RELAY;
            BenchReport.add(section, "relay p50 ms", BenchReport.millis(micros(relay, "p50")));
            BenchReport.add(section, "relay p99 ms", relayP99, Target.below(10));
            BenchReport.add(section, "relay p999 ms", BenchReport.millis(micros(relay, "p999")));
            BenchReport.add(section, "echo p50 ms", BenchReport.millis(micros(echo, "p50")));
            BenchReport.add(section, "echo p99 ms", echoP99);
            BenchReport.add(section, "echo p999 ms", BenchReport.millis(micros(echo, "p999")));
            BenchReport.add(section, "relay/echo p99 ratio",
                    BenchReport.round2(micros(relay, "p99") / (double) Math.max(1, micros(echo, "p99"))),
                    Target.atMost(1.2));
            BenchReport.add(section, "set-up of " + CONVERSATIONS + " chats claimed by " + CONVERSATIONS
                    + " counsellors s", BenchReport.round2(((Number) result.get("setupMillis")).doubleValue() / 1000),
                    Target.below(10));
            BenchReport.add(section, "server RSS peak MB", Math.round(peakRssKb.get() / 1024.0), Target.atMost(600));
            BenchReport.add(section, "relayed messages (sent/received)", relay.get("sent") + "/" + relay.get("received"));
            BenchReport.add(section, "lost messages", ((Number) relay.get("lost")).longValue(), Target.atMost(0));
            BenchReport.add(section, "echo messages (sent/received)", echo.get("sent") + "/" + echo.get("received"));
            BenchReport.add(section, "error frames, sockets closed by the server", result.get("errors") + ", "
                    + result.get("closed"));
            BenchReport.add(section, "load generator: cores used, latest send µs", result.get("cpuCoresUsed") + ", "
                    + result.get("maxSendLagMicros"));
        }
    }

    @Test
    void idleYouthSockets() throws Exception {
        Path dir = WORK.resolve("idle");
        BenchKeys keys = BenchKeys.generate(dir.resolve("keys"));
        try (ServiceInstance server = start("idle-server", dir, keys)) {
            // The first sessions and sockets load classes and fill pools: the baseline comes after a few.
            holdIdle(dir, server, 50, line -> { });
            long before = heapUsedKbAfterGc(server);
            long[] after = new long[1];
            long[] ready = new long[1];
            holdIdle(dir, server, IDLE, line -> {
                ready[0] = ((Number) line.get("ready")).longValue();
                after[0] = heapUsedKbAfterGc(server);
            });
            String section = IDLE_SECTION;
            BenchReport.add(section, "sockets authenticated", ready[0]);
            BenchReport.add(section, "server heap per socket KB",
                    BenchReport.round2((after[0] - before) / (double) Math.max(1, ready[0])), Target.atMost(30));
            BenchReport.add(section, "server RSS MB with the sockets open", Math.round(server.rssKb() / 1024.0));
        }
    }

    /** The interesting part of an idle run, done while the generator holds its sockets open. */
    private interface WhileOpen {
        void measure(Map<String, Object> line) throws Exception;
    }

    private static void holdIdle(Path dir, ServiceInstance server, int count, WhileOpen whileOpen) throws Exception {
        Process load = ChatLoad.launch(dir, "idle-load-" + count, List.of("--youth-urls", server.baseUri(),
                "--idle", Integer.toString(count)));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(load.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("ChatLoad --idle failed; see " + dir.resolve("idle-load-" + count
                        + ".log"));
            }
            whileOpen.measure(new ObjectMapper().readValue(line, new TypeReference<Map<String, Object>>() { }));
        } finally {
            load.getOutputStream().close();
            if (!load.waitFor(60, TimeUnit.SECONDS)) {
                load.destroyForcibly();
            }
        }
    }

    private static ServiceInstance start(String name, Path dir, BenchKeys keys) {
        Map<String, String> environment = new HashMap<>(keys.environment());
        environment.putAll(BenchServer.CHAT_LOAD_ENVIRONMENT);
        environment.put("FRISTED_CHAT_ECHO_ENDPOINT", "true");
        List<String> jvm = new ArrayList<>(BenchServer.README_JVM_OPTIONS);
        if (Boolean.getBoolean("bench.jfr")) {
            jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve(name + ".jfr") + ",settings=profile");
        }
        ServiceInstance server = ServiceInstance.launch(ServiceInstance.EMBEDDED_JAR, name, dir, jvm, environment,
                ChatLoad.OPEN_FILES);
        server.awaitReady();
        return server;
    }

    /** The server's used heap after a full GC, from {@code jcmd} (server-side, not this JVM's). */
    private static long heapUsedKbAfterGc(ServiceInstance server) throws Exception {
        jcmd(server, "GC.run");
        jcmd(server, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(server, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("No heap figure from jcmd GC.heap_info");
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(ServiceInstance server, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static long micros(Map<?, ?> figures, String name) {
        return ((Number) figures.get(name)).longValue();
    }
}
