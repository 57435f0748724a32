package no.fristed.chat;

import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls to Redis from the chat: when Redis cannot be reached, the client is told plainly that the chat has a problem
 * on our side (an "unavailable" error frame) rather than getting a generic failure.
 */
final class RedisCalls {

    private static final Logger LOG = Logger.getLogger(RedisCalls.class);

    private RedisCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ChatException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("Redis call failed: %s", e.getClass().getName());
            throw unavailable();
        }
    }

    static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.debugf("Redis call failed: %s", e.getClass().getName());
        }
    }

    static ChatException unavailable() {
        return new ChatException("unavailable",
                "Chatten har et midlertidig problem hos oss. Meldingen ble ikke sendt; prøv igjen om litt.");
    }
}
