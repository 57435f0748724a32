package no.fristed.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One running instance of a packaged build (the cluster build target/cluster/quarkus-run.jar, or the embedded
 * default target/quarkus-app/quarkus-run.jar) in its own JVM, on a port of its own, with its output in a log file;
 * for the multi-instance tests and the benchmarks.
 */
public final class ServiceInstance implements AutoCloseable {

    public static final Path CLUSTER_JAR = Path.of("target/cluster/quarkus-run.jar");
    public static final Path EMBEDDED_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;

    private ServiceInstance(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** Starts an instance (see {@link #launch}) and waits until it is ready. */
    public static ServiceInstance start(String name, Path workDir, Map<String, String> environment) {
        ServiceInstance instance = launch(name, workDir, environment);
        instance.awaitReady();
        return instance;
    }

    /**
     * Starts an instance with the given environment (on top of QUARKUS_PROFILE=cluster, a free port and a free
     * management port: several instances share this machine).
     */
    public static ServiceInstance launch(String name, Path workDir, Map<String, String> environment) {
        Map<String, String> cluster = new HashMap<>(environment);
        cluster.put("QUARKUS_PROFILE", "cluster");
        return launch(CLUSTER_JAR, name, workDir, List.of("-Xmx256m"), cluster);
    }

    /** Starts the given packaged jar with these JVM options and environment, on a free port and management port. */
    public static ServiceInstance launch(Path jar, String name, Path workDir, List<String> jvmOptions,
            Map<String, String> environment) {
        return launch(jar, name, workDir, jvmOptions, environment, 0);
    }

    /** As {@link #launch(Path, String, Path, List, Map)}, with the open-file limit raised to {@code openFiles}. */
    public static ServiceInstance launch(Path jar, String name, Path workDir, List<String> jvmOptions,
            Map<String, String> environment, int openFiles) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: it is built by `mvn package`");
        }
        int port = freePort();
        int managementPort = freePort();
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        if (openFiles > 0) {
            command.addAll(List.of("prlimit", "--nofile=" + openFiles + ":" + openFiles));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            return new ServiceInstance(name, port, managementPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The process's resident set size in KB (Linux), 0 once it has exited. */
    public long rssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0L);
        } catch (IOException gone) {
            return 0;
        }
    }

    public int managementPort() {
        return managementPort;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Kills the JVM at once, as a crashed machine would: no shutdown hooks, no goodbyes to Redis. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the instance reports ready (it may stop being ready, e.g. while its Redis is away). */
    public void awaitReady() {
        Awaitility.await(name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
                    }
                    try {
                        return given().baseUri("http://localhost:" + managementPort).get("/q/health/ready")
                                .statusCode() == 200;
                    } catch (Exception notYet) {
                        return false;
                    }
                });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
