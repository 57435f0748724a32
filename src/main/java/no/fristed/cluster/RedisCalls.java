package no.fristed.cluster;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import no.fristed.chat.ChatTexts;
import no.fristed.common.DomainException;
import org.jboss.logging.Logger;

/**
 * Calls to Redis from the chat: when Redis cannot be reached, the client is told plainly that the chat has a problem
 * on our side (an "unavailable" error frame, or a 503) rather than getting a generic failure.
 */
@ApplicationScoped
@IfBuildProperty(name = "fristed.cluster.enabled", stringValue = "true")
class RedisCalls {

    private static final Logger LOG = Logger.getLogger(RedisCalls.class);
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final ChatTexts texts;

    RedisCalls(ChatTexts texts) {
        this.texts = texts;
    }

    <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("Redis call failed: %s", e.getClass().getName());
            throw unavailable();
        }
    }

    void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.debugf("Redis call failed: %s", e.getClass().getName());
        }
    }

    DomainException unavailable() {
        return new DomainException.Unavailable(texts.unavailable(), RETRY);
    }
}
