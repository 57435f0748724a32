package no.fristed.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.fristed.testing.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up of the packaged embedded default, started with the JVM options of the README's start command, five times
 * on a fresh database and five times restarted on the same one; run only by {@code mvn -Pbench verify}.
 */
@Tag("bench")
class StartUpBenchmark {

    private static final String SECTION = "Start-up (embedded default, median of 5)";
    private static final int RUNS = 5;

    private record Start(long firstServedMs, double rssMb) {
    }

    @AfterAll
    static void writeReport() throws IOException {
        BenchReport.write(SECTION);
    }

    @Test
    void startUpOfThePackagedService() throws Exception {
        List<String> jvmOptions = BenchServer.README_JVM_OPTIONS;
        List<Start> fresh = new ArrayList<>();
        List<Start> restart = new ArrayList<>();
        Path kept = null;
        for (int run = 0; run < RUNS; run++) {
            Path work = Files.createTempDirectory("fristed-bench-start");
            Files.createSymbolicLink(work.resolve("content"), Path.of("content").toAbsolutePath());
            fresh.add(start(work, jvmOptions, "fresh-" + run));
            kept = work;
        }
        for (int run = 0; run < RUNS; run++) {
            restart.add(start(kept, jvmOptions, "restart-" + run));
        }
        BenchReport.add(SECTION, "JVM options (README start command)", BenchServer.readmeOptionsText());
        BenchReport.add(SECTION, "first served request ms, fresh database",
                median(fresh.stream().mapToDouble(Start::firstServedMs).toArray()), BenchReport.Target.atMost(4000));
        BenchReport.add(SECTION, "first served request ms, restart",
                median(restart.stream().mapToDouble(Start::firstServedMs).toArray()), BenchReport.Target.atMost(3000));
        BenchReport.add(SECTION, "RSS after start MB, restart",
                BenchReport.round2(median(restart.stream().mapToDouble(Start::rssMb).toArray())),
                BenchReport.Target.atMost(250));
        BenchReport.add(SECTION, "RSS after start MB, fresh database",
                BenchReport.round2(median(fresh.stream().mapToDouble(Start::rssMb).toArray())));
    }

    private static Start start(Path work, List<String> jvmOptions, String name) throws InterruptedException {
        long started = System.nanoTime();
        try (ServiceInstance instance = ServiceInstance.launch(ServiceInstance.EMBEDDED_JAR, name, work, jvmOptions,
                Map.of())) {
            long servedAfter = firstServedRequest(instance, started);
            Thread.sleep(1000);
            return new Start(servedAfter, instance.rssKb() / 1024.0);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long firstServedRequest(ServiceInstance instance, long started) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest first = HttpRequest.newBuilder(instance.http("/api/v1/topics")).build();
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60)) {
            try {
                if (http.send(first, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return -1;
    }
}
