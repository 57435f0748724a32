package no.fristed.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Runs every retention task on a schedule (fristed.retention.purge-interval), with the injectable clock. */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final Instance<RetentionTask> tasks;
    private final Clock clock;

    RetentionPurge(@Any Instance<RetentionTask> tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Scheduled(every = "${fristed.retention.purge-interval}", delayed = "1m")
    void onSchedule() {
        run();
    }

    /** Purges now; returns how many items each task removed. */
    public Map<String, Integer> run() {
        Map<String, Integer> purged = new LinkedHashMap<>();
        tasks.forEach(task -> purged.put(task.name(), task.purge(clock.instant())));
        if (purged.values().stream().anyMatch(n -> n > 0)) {
            LOG.infof("Retention purge removed %s", purged);
        }
        return purged;
    }
}
