package no.fristed.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.fristed.testing.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search throughput of the packaged embedded default against a trivial endpoint, measured by ApacheBench in its own
 * process (16 keep-alive connections, 8 s per endpoint), run only by {@code mvn -Pbench verify}; the server has the
 * README start command's heap bound.
 */
@Tag("bench")
class SearchBenchmark {

    private static final String SECTION = "Search (packaged embedded jar, " + BenchServer.readmeOptionsText()
            + "; ab -k -c 16 -t 8 per endpoint)";
    private static final int CONNECTIONS = 16;
    private static final int WARM_UP_SECONDS = 2;
    private static final int SECONDS = 8;
    private static final Pattern PER_SECOND = Pattern.compile("Requests per second:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+(\\d+)");
    private static final Pattern FAILED = Pattern.compile("Failed requests:\\s+(\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");

    private static final String TRIVIAL = "trivial GET /api/v1/topics";
    private static final String SERVICES_OPEN = "service search, openNow (Bergen, 15)";
    private static final String FACTS = "fact search (hasj, 15)";
    /** Name → path; the first is the trivial endpoint the others are compared with. */
    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put(TRIVIAL, "/api/v1/topics");
        ENDPOINTS.put("service search (Bergen, 15)", "/api/v1/services?municipality=Bergen&age=15");
        ENDPOINTS.put(SERVICES_OPEN, "/api/v1/services?municipality=Bergen&age=15&openNow=true");
        ENDPOINTS.put("service search near me, openNow (never kept)", "/api/v1/services?lat=60.39&lon=5.32&openNow=true");
        ENDPOINTS.put(FACTS, "/api/v1/facts/search?q=hasj&age=15");
    }

    @AfterAll
    static void writeReport() throws IOException {
        BenchReport.write(SECTION);
    }

    @Test
    void searchThroughputAgainstATrivialEndpoint() throws Exception {
        if (!abInstalled()) {
            BenchReport.add(SECTION, "skipped", "ab missing (apt-get install apache2-utils failed)");
            return;
        }
        Path work = Files.createTempDirectory("fristed-bench");
        Files.createSymbolicLink(work.resolve("content"), Path.of("content").toAbsolutePath());
        try (ServiceInstance instance = ServiceInstance.launch(ServiceInstance.EMBEDDED_JAR, "search", work, BenchServer.README_JVM_OPTIONS,
                Map.of())) {
            instance.awaitReady();
            ENDPOINTS.values().forEach(path -> ab(instance, path, WARM_UP_SECONDS));
            Map<String, Double> perSecond = new LinkedHashMap<>();
            ENDPOINTS.forEach((name, path) -> {
                String output = ab(instance, path, SECONDS);
                double rate = number(PER_SECOND, output).orElse(0.0);
                perSecond.put(name, rate);
                long failed = number(FAILED, output).orElse(-1.0).longValue() + number(NON_2XX, output).orElse(0.0).longValue();
                BenchReport.add(SECTION, name + " requests/s", Math.round(rate));
                BenchReport.add(SECTION, name + " p99 ms", number(P99, output).map(Object.class::cast).orElse("n/a"));
                if (failed != 0) {
                    BenchReport.add(SECTION, name + " failed requests", failed < 0 ? "ab gave no figures" : failed);
                }
            });
            double trivial = perSecond.get(TRIVIAL);
            BenchReport.add(SECTION, "most requests/s ab reached on one endpoint (it is fast enough to measure)",
                    perSecond.values().stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    BenchReport.Target.atLeast(10_000));
            BenchReport.add(SECTION, "service search openNow / trivial", BenchReport.round2(perSecond.get(SERVICES_OPEN) / trivial),
                    BenchReport.Target.atLeast(0.5));
            BenchReport.add(SECTION, "fact search / trivial", BenchReport.round2(perSecond.get(FACTS) / trivial),
                    BenchReport.Target.atLeast(0.5));
            BenchReport.add(SECTION, "server RSS after the run MB", instance.rssKb() / 1024);
        }
    }

    /** ApacheBench is a native tool, so the load generator is not what limits the figures. */
    private static boolean abInstalled() throws InterruptedException {
        if (run(List.of("ab", "-V"), 30).isPresent()) {
            return true;
        }
        run(List.of("apt-get", "update", "-q"), 300);
        run(List.of("apt-get", "install", "-y", "-q", "apache2-utils"), 300);
        return run(List.of("ab", "-V"), 30).isPresent();
    }

    private static String ab(ServiceInstance instance, String path, int seconds) {
        // -n after -t: -t alone stops at 50,000 requests.
        List<String> command = List.of("ab", "-k", "-c", Integer.toString(CONNECTIONS), "-t", Integer.toString(seconds),
                "-n", "100000000", instance.http(path).toString());
        try {
            return run(command, seconds + 60).orElse("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The command's output if it ran and exited with 0. */
    private static Optional<String> run(List<String> command, int timeoutSeconds) throws InterruptedException {
        try {
            Path output = Files.createTempFile("fristed-bench", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                return process.exitValue() == 0 ? Optional.of(Files.readString(output, StandardCharsets.UTF_8))
                        : Optional.empty();
            } finally {
                Files.delete(output);
            }
        } catch (IOException notThere) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
    }
}
