package no.fristed.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database on the machine's PostgreSQL and a working directory for one run of packaged cluster instances,
 * with the environment that the README's "Running as a cluster" asks for.
 */
public record ClusterRun(String id, Path workDir, String database) {

    public static final String POSTGRES = "jdbc:postgresql://" + ClusterServices.POSTGRES_HOST + ":"
            + ClusterServices.POSTGRES_PORT + "/";
    public static final String MACHINE_REDIS = "redis://" + ClusterServices.REDIS_HOST + ":" + ClusterServices.REDIS_PORT;
    public static final String ADMIN_PASSWORD = "cluster-admin-password";

    /** A run under {@code base} (its own subdirectory) with a database of its own. */
    public static ClusterRun create(Path base) throws IOException, SQLException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        ClusterRun run = new ClusterRun(id, Files.createDirectories(base.resolve(id).toAbsolutePath()),
                "fristed_it_" + id);
        postgres("CREATE DATABASE " + run.database());
        return run;
    }

    public void drop() throws SQLException {
        postgres("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** The environment of an instance on this run's database and the given Redis, configured as the README says. */
    public Map<String, String> environment(String redis) throws IOException {
        Path keys = Files.createDirectories(workDir.resolve("keys"));
        for (String key : List.of("test-jwt-private.pem", "test-jwt-public.pem")) {
            Files.copy(Path.of("src/test/resources", key), keys.resolve(key), StandardCopyOption.REPLACE_EXISTING);
        }
        Path pickup = keys.resolve("pickup-secret");
        if (!Files.exists(pickup)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(pickup, Base64.getEncoder().encodeToString(secret));
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", POSTGRES + database);
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_REDIS_HOSTS", redis);
        environment.put("FRISTED_CLUSTER_KEY_PREFIX", "fristed-it-" + id + ":");
        environment.put("FRISTED_JWT_PRIVATE_KEY", keys.resolve("test-jwt-private.pem").toString());
        environment.put("FRISTED_JWT_PUBLIC_KEY", keys.resolve("test-jwt-public.pem").toString());
        environment.put("FRISTED_QUESTIONS_PICKUP_SECRET_FILE", pickup.toString());
        environment.put("FRISTED_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("FRISTED_CHAT_HOURS", "MO,TU,WE,TH,FR,SA,SU 00:00-12:00; MO,TU,WE,TH,FR,SA,SU 12:00-01:00");
        environment.put("FRISTED_CONTENT_DIR", Path.of("content").toAbsolutePath().toString());
        return environment;
    }

    private static void postgres(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
