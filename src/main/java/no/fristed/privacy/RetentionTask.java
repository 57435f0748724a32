package no.fristed.privacy;

import java.time.Instant;

/** Something that keeps time-limited data; the retention purge asks each one to delete what has expired. */
public interface RetentionTask {

    /** Deletes what has expired by {@code now}; returns how many items went. */
    int purge(Instant now);

    /** A short name for the purge log line (no content). */
    String name();
}
