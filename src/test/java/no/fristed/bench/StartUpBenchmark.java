package no.fristed.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.fristed.testing.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Start-up of the packaged embedded default, run only by {@code mvn -Pbench verify}. */
@Tag("bench")
class StartUpBenchmark {

    private static final String SECTION = "Start-up (embedded default, fresh database)";

    @AfterAll
    static void writeReport() throws IOException {
        BenchReport.write(SECTION);
    }

    @Test
    void startUpOfThePackagedService() throws Exception {
        Path work = Files.createTempDirectory("fristed-bench");
        Files.createSymbolicLink(work.resolve("content"), Path.of("content").toAbsolutePath());
        long started = System.nanoTime();
        try (ServiceInstance instance = ServiceInstance.launch(ServiceInstance.EMBEDDED_JAR, "start", work, List.of(),
                Map.of())) {
            long servedAfter = firstServedRequest(instance, started);
            Thread.sleep(1000);
            BenchReport.add(SECTION, "first served request ms", servedAfter, BenchReport.Target.atMost(4000));
            BenchReport.add(SECTION, "RSS after start MB", instance.rssKb() / 1024.0, BenchReport.Target.atMost(250));
        }
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
