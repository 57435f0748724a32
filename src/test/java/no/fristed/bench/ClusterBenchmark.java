package no.fristed.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.fristed.bench.BenchReport.Target;
import no.fristed.testing.ClusterRun;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster build, run only by {@code mvn -Pbench verify}: 1 and then 2 packaged cluster instances on the
 * machine's PostgreSQL (a fresh database) and Redis (a key prefix of their own), each instance pinned to a core of
 * its own with {@code taskset} (so one instance cannot use the second core that the second instance gets), and
 * {@link ChatLoad} in another process. For each, the message rate steps up until relay p99 passes
 * {@value #P99_BOUND_MS} ms: what each handles below that bound is compared. Then 1,000 chats over the 2 instances
 * at one message per second per young person. Young people and their counsellors are on different instances.
 * Sizes: -Dbench.cluster.chats (100 per step), -Dbench.cluster.seconds (6), -Dbench.cluster.concurrent (1000).
 */
@Tag("bench")
@ExtendWith(ClusterServices.class)
class ClusterBenchmark {

    private static final int P99_BOUND_MS = 100;
    private static final double[] RATES = {1, 2, 4, 8, 16, 32};
    private static final int CHATS = Integer.getInteger("bench.cluster.chats", 100);
    private static final int SECONDS = Integer.getInteger("bench.cluster.seconds", 6);
    private static final int CONCURRENT = Integer.getInteger("bench.cluster.concurrent", 1000);
    private static final int PER_COUNSELLOR = 10;
    private static final Path WORK = Path.of("target/bench/cluster").toAbsolutePath();
    private static final String SECTION = "Cluster (PostgreSQL and Redis on this machine; each instance pinned to one"
            + " core, " + BenchServer.readmeOptionsText() + "; " + CHATS + " chats per step, " + PER_COUNSELLOR
            + " per counsellor socket, young people and counsellors on different instances; " + SECONDS
            + " s per step; load generator in its own process)";

    private int counsellorsUsed;

    @AfterAll
    static void writeReport() throws IOException {
        BenchReport.write(SECTION);
    }

    @Test
    void twoInstancesAgainstOne() throws Exception {
        ClusterRun run = ClusterRun.create(WORK);
        BenchKeys keys = BenchKeys.generate(run.workDir().resolve("bench-keys"));
        try {
            double one = capacity(run, keys, 1);
            double two = capacity(run, keys, 2);
            BenchReport.add(SECTION, "2 instances / 1 instance (messages per second below the bound)",
                    BenchReport.round2(two / Math.max(1, one)), Target.atLeast(1.8));
        } finally {
            run.drop();
        }
    }

    /** Steps the rate up on {@code count} instances; returns the most messages per second relayed within the bound. */
    private double capacity(ClusterRun run, BenchKeys keys, int count) throws Exception {
        List<ServiceInstance> instances = start(run, keys, count);
        String who = count == 1 ? "1 instance" : count + " instances";
        try {
            double best = 0;
            for (double rate : RATES) {
                Map<String, Object> result = load(run, keys, instances, "step-" + count + "-" + (int) rate, CHATS,
                        rate);
                Map<?, ?> relay = (Map<?, ?>) result.get("relay");
                double p99 = BenchReport.millis(((Number) relay.get("p99")).longValue());
                long perSecond = ((Number) relay.get("perSecond")).longValue();
                boolean within = p99 <= P99_BOUND_MS && ((Number) relay.get("lost")).longValue() == 0;
                BenchReport.add(SECTION, who + ", " + (int) (CHATS * rate) + " messages/s offered: relayed/s, p99 ms,"
                        + " lost, errors", perSecond + ", " + p99 + ", " + relay.get("lost") + ", " + result.get("errors"));
                if (!within) {
                    break;
                }
                best = Math.max(best, perSecond);
            }
            BenchReport.add(SECTION, who + ": messages per second relayed with p99 ≤ " + P99_BOUND_MS + " ms", best);
            BenchReport.add(SECTION, who + ": server RSS MB", instances.stream()
                    .map(i -> Long.toString(Math.round(i.rssKb() / 1024.0))).collect(Collectors.joining(", ")));
            if (count == 2) {
                concurrentChats(run, keys, instances);
            }
            return best;
        } finally {
            instances.forEach(ServiceInstance::close);
        }
    }

    private void concurrentChats(ClusterRun run, BenchKeys keys, List<ServiceInstance> instances) throws Exception {
        String prefix = CONCURRENT + " chats over 2 instances, 1 message/s each: ";
        Map<String, Object> result;
        try {
            result = load(run, keys, instances, "concurrent", CONCURRENT, 1);
        } catch (IllegalStateException e) {
            // The chats could not all be set up in ChatLoad's time: a figure of the table, not the end of the run.
            BenchReport.add(SECTION, prefix + "relay p99 ms", "not measured: " + e.getMessage());
            return;
        }
        Map<?, ?> relay = (Map<?, ?>) result.get("relay");
        BenchReport.add(SECTION, prefix + "relay p50 ms", BenchReport.millis(((Number) relay.get("p50")).longValue()));
        BenchReport.add(SECTION, prefix + "relay p99 ms", BenchReport.millis(((Number) relay.get("p99")).longValue()),
                Target.below(100));
        BenchReport.add(SECTION, prefix + "lost messages", ((Number) relay.get("lost")).longValue(), Target.atMost(0));
        BenchReport.add(SECTION, prefix + "set-up s (" + CONCURRENT / PER_COUNSELLOR + " counsellors)",
                BenchReport.round2(((Number) result.get("setupMillis")).doubleValue() / 1000));
        BenchReport.add(SECTION, prefix + "load generator: cores used, latest send µs", result.get("cpuCoresUsed")
                + ", " + result.get("maxSendLagMicros"));
    }

    /** One ChatLoad run with counsellors of its own (earlier runs' counsellors still hold their chats). */
    private Map<String, Object> load(ClusterRun run, BenchKeys keys, List<ServiceInstance> instances, String name,
            int chats, double rate) throws Exception {
        int counsellors = chats / PER_COUNSELLOR;
        Path tokens = keys.counsellorTokens(run.workDir().resolve(name + "-tokens.txt"), counsellorsUsed, counsellors);
        counsellorsUsed += counsellors;
        List<String> urls = instances.stream().map(ServiceInstance::baseUri).toList();
        List<String> reversed = new ArrayList<>(urls);
        Collections.reverse(reversed);
        return ChatLoad.run(run.workDir(), name, List.of("--youth-urls", String.join(",", urls),
                "--counsellor-urls", String.join(",", reversed), "--chats", Integer.toString(chats),
                "--chats-per-counsellor", Integer.toString(PER_COUNSELLOR), "--staff-tokens", tokens.toString(),
                "--rate", Double.toString(rate), "--seconds", Integer.toString(SECONDS), "--warmup", "2"));
    }

    /** {@code count} instances with a Redis key prefix of their own, instance i pinned to core i. */
    private static List<ServiceInstance> start(ClusterRun run, BenchKeys keys, int count) throws Exception {
        Map<String, String> environment = new HashMap<>(run.environment(ClusterRun.MACHINE_REDIS));
        environment.putAll(keys.environment());
        environment.put("FRISTED_CLUSTER_KEY_PREFIX", "fristed-bench-" + run.id() + "-" + count + ":");
        environment.putAll(BenchServer.CHAT_LOAD_ENVIRONMENT);
        List<ServiceInstance> instances = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                instances.add(ServiceInstance.launch(ServiceInstance.CLUSTER_JAR, "cluster-" + count + "-" + i,
                        run.workDir(), Stream.concat(BenchServer.README_JVM_OPTIONS.stream(), Stream.of("-XX:ActiveProcessorCount=1")).toList(),
                        environment, ChatLoad.OPEN_FILES));
                Process pin = new ProcessBuilder("taskset", "-a", "-cp", Integer.toString(i),
                        Long.toString(instances.get(i).pid())).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                pin.waitFor(10, TimeUnit.SECONDS);
            }
            instances.forEach(ServiceInstance::awaitReady);
            return instances;
        } catch (RuntimeException e) {
            instances.forEach(ServiceInstance::close);
            throw e;
        }
    }
}
