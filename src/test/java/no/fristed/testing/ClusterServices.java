package no.fristed.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer on loopback. Without
 * them the class is skipped with a message saying how to start them; with CI=true their absence is a failure, so
 * CI can never pass by skipping the cluster tests.
 */
public class ClusterServices implements ExecutionCondition {

    public static final String POSTGRES_HOST = "127.0.0.1";
    public static final int POSTGRES_PORT = 5432;
    public static final String REDIS_HOST = "127.0.0.1";
    public static final int REDIS_PORT = 6379;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = new ArrayList<>();
        if (!answers(POSTGRES_HOST, POSTGRES_PORT)) {
            missing.add("PostgreSQL on " + POSTGRES_HOST + ":" + POSTGRES_PORT);
        }
        if (!answers(REDIS_HOST, REDIS_PORT)) {
            missing.add("Redis on " + REDIS_HOST + ":" + REDIS_PORT);
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL and Redis answer on loopback");
        }
        String message = "Cluster tests need " + String.join(" and ", missing)
                + " (.ci/run starts them; see README \"Running as a cluster\")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true: " + message);
        }
        System.err.println("SKIPPED: " + message);
        return ConditionEvaluationResult.disabled(message);
    }

    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
