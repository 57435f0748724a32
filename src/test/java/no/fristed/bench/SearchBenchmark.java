package no.fristed.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search throughput against a trivial endpoint, run only by {@code mvn -Pbench verify}.
 */
@QuarkusTest
@Tag("bench")
class SearchBenchmark {

    private static final String SECTION = "Catalogue and fact search (16 client threads, 10 s each, same server)";

    @TestHTTPResource("/")
    URI root;

    @AfterAll
    static void writeReport() throws IOException {
        BenchReport.write(SECTION);
    }

    @Test
    void searchThroughputAgainstATrivialEndpoint() throws Exception {
        String section = SECTION;
        double trivial = load(section, "trivial GET /api/v1/topics", "/api/v1/topics");
        double services = load(section, "service search", "/api/v1/services?municipality=Bergen&age=15&openNow=true&anonymousOnly=false&topic=cannabis");
        double facts = load(section, "fact search", "/api/v1/facts/search?q=weed&ageBand=16-17");
        BenchReport.add(section, "service search / trivial throughput", Math.round(100 * services / trivial) / 100.0);
        BenchReport.add(section, "fact search / trivial throughput", Math.round(100 * facts / trivial) / 100.0);
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
}
