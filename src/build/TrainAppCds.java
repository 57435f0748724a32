import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the class-data sharing archive the README's start command uses ({@code target/quarkus-app/fristed.jsa}):
 * starts the packaged service once on a throwaway database with {@code -XX:ArchiveClassesAtExit}, sends it the
 * requests a young person's app sends first, and stops it, so the JVM writes out every class it loaded. A later
 * start maps those classes instead of loading and verifying them again. The jar is given by its absolute path: Java
 * 17 then accepts the archive however the jar is named at start (the README's relative path, the benchmarks'
 * absolute one). Run by Maven when the service is packaged to be started ({@code -DskipTests}) and in the bench
 * profile; without the archive the JVM starts as before, only slower.
 */
public final class TrainAppCds {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> FIRST_REQUESTS = List.of("/api/v1/topics",
            "/api/v1/services?municipality=Bergen&age=15&openNow=true", "/api/v1/facts/search?q=hasj",
            "/api/v1/facts", "/q/openapi");

    private TrainAppCds() {
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]).toAbsolutePath();
        Path archive = app.resolve("fristed.jsa");
        Path work = app.resolveSibling("app-cds-training");
        Files.deleteIfExists(archive);
        delete(work);
        Files.createDirectories(work);
        int port = freePort();
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + archive, "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + freePort(), "-jar", app.resolve("quarkus-run.jar").toString())
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            awaitStart(http, port, service);
            for (String path : FIRST_REQUESTS) {
                http.send(request(port, path, "GET"), HttpResponse.BodyHandlers.discarding());
            }
            http.send(request(port, "/api/v1/sessions", "POST"), HttpResponse.BodyHandlers.discarding());
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (Files.exists(archive)) {
            delete(work);
            System.out.printf("Class-data sharing archive written: %s (%d MB)%n", archive, Files.size(archive) >> 20);
        } else {
            System.out.printf("No class-data sharing archive was written (see %s); the service starts without it%n",
                    work.resolve("service.log"));
        }
    }

    private static void awaitStart(HttpClient http, int port, Process service) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                if (http.send(request(port, "/api/v1/topics", "GET"), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the service did not start for the class-data sharing archive");
    }

    private static HttpRequest request(int port, String path, String method) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
