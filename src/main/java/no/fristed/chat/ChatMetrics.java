package no.fristed.chat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import no.fristed.common.DomainException;
import java.time.Duration;

/** Prometheus metrics of the chat: queue length, active chats, and how long young people wait for a counsellor. */
// Eager, so the metrics exist (at zero) before the first chat.
@Startup
@ApplicationScoped
public class ChatMetrics {

    private final Timer wait;

    ChatMetrics(MeterRegistry registry, ConversationStore store) {
        Gauge.builder("fristed.chat.queue.length", store, s -> count(s, ConversationStatus.WAITING))
                .description("Young people waiting for a counsellor").register(registry);
        Gauge.builder("fristed.chat.active", store, s -> count(s, ConversationStatus.ACTIVE))
                .description("Chats with a counsellor now").register(registry);
        wait = Timer.builder("fristed.chat.wait").description("Time from joining the queue to a counsellor joining")
                .publishPercentileHistogram().register(registry);
    }

    public void waited(Duration duration) {
        wait.record(duration);
    }

    private static double count(ConversationStore store, ConversationStatus status) {
        try {
            return store.all().stream().filter(c -> c.status == status).count();
        } catch (DomainException.Unavailable unavailable) {
            return Double.NaN;
        }
    }
}
