package no.fristed.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Token buckets against abuse, kept in {@link Buckets} (this process, or Redis for a cluster). Keys must already be
 * anonymous (a rotating keyed hash, a random session id): nothing here identifies a person.
 */
@ApplicationScoped
public class RateLimits {

    /** A named limit: {@code capacity} actions, refilled evenly over {@code period}. */
    public record Limit(String name, long capacity, Duration period) {
    }

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final Buckets buckets;

    RateLimits(Buckets buckets) {
        this.buckets = buckets;
    }

    /** Takes one action from the key's bucket, or throws a 429 problem saying when to try again. */
    public void take(Limit limit, String key, String message) {
        ConsumptionProbe probe;
        try {
            probe = buckets.bucket(limit.name() + ":" + key, () -> BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                    .build()).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // Without the shared buckets no limit can be checked; refusing is safer than letting everything through.
            LOG.warnf("Rate limit could not be checked: %s", e.getClass().getName());
            throw ProblemException.unavailable("This cannot be done right now; try again in a moment", RETRY);
        }
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests(message, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Forgets every bucket of one limit for a key, e.g. after a successful login. */
    public void reset(Limit limit, String key) {
        buckets.forget(limit.name() + ":" + key);
    }
}
