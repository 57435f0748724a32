package no.fristed.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces the system clock in tests so opening hours and retention can be checked at chosen moments. */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private volatile Instant now = Instant.now();

    /** Sets the time to a wall-clock moment in Oslo. */
    public void setOslo(LocalDateTime local) {
        now = local.atZone(OSLO).toInstant();
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
