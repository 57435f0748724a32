package no.fristed.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the benchmarks run the service: with the JVM options of the README's start command (read from the README, so
 * the two cannot drift), and, for chat load, with the limits meant for one person lifted for a load generator that
 * is a thousand people from one address, and the chat open around the clock.
 */
final class BenchServer {

    /** The JVM options between {@code java} and {@code -jar} in the README's start command. */
    private static final Pattern START_COMMAND = Pattern.compile("&& java (.*?)-jar target/quarkus-app/quarkus-run\\.jar");

    /** The options as the README gives them, with paths into target/ made absolute (the service runs elsewhere). */
    static final List<String> README_JVM_OPTIONS = readmeJvmOptions();

    /** Environment for a chat load test. */
    static final Map<String, String> CHAT_LOAD_ENVIRONMENT = Map.of(
            "FRISTED_CHAT_HOURS", "MO,TU,WE,TH,FR,SA,SU 00:00-00:00",
            "FRISTED_CHAT_SOCKETS_PER_ADDRESS", "1000000",
            "FRISTED_CHAT_MESSAGES_PER_MINUTE", "6000",
            "FRISTED_CHAT_AUTH_TIMEOUT", "120s",
            "FRISTED_SESSIONS_ISSUE_LIMIT", "1000000");

    private BenchServer() {
    }

    /** The README's JVM options as one would type them, for section titles. */
    static String readmeOptionsText() {
        return README_JVM_OPTIONS.isEmpty() ? "none" : String.join(" ", README_JVM_OPTIONS);
    }

    private static List<String> readmeJvmOptions() {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher command = START_COMMAND.matcher(readme);
        if (!command.find()) {
            throw new IllegalStateException("README.md has no start command `... && java ... -jar "
                    + "target/quarkus-app/quarkus-run.jar`");
        }
        String target = Path.of("target").toAbsolutePath() + "/";
        return Arrays.stream(command.group(1).trim().split("\\s+")).filter(option -> !option.isEmpty())
                .map(option -> option.replace("=target/", "=" + target)).toList();
    }
}
