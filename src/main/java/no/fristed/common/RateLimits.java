package no.fristed.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Token buckets against abuse, kept in {@link Buckets} (this process, or Redis for a cluster). Keys must already be
 * anonymous (a rotating keyed hash, a random session id): nothing here identifies a person.
 */
@ApplicationScoped
public class RateLimits {

    /** A named limit: {@code capacity} actions, refilled evenly over {@code period}. */
    public record Limit(String name, long capacity, Duration period) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                    .build();
        }

        /** How many tokens refill in {@code time} (rounded up). */
        long tokensIn(Duration time) {
            long nanos = period.toNanos();
            return (time.toNanos() * capacity + nanos - 1) / nanos;
        }
    }

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final Buckets buckets;

    RateLimits(Buckets buckets) {
        this.buckets = buckets;
    }

    /** Takes one action from the key's bucket, or says when the key may try again. */
    public void take(Limit limit, String key, String message) {
        ConsumptionProbe probe = onBucket(limit, key, bucket -> bucket.tryConsumeAndReturnRemaining(1));
        if (!probe.isConsumed()) {
            throw new DomainException.RateLimited(message, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /**
     * Counts one more event (e.g. a failed log-in) in the key's bucket and returns how many it holds: events older
     * than the refill has forgiven no longer count, and the count stops at the capacity.
     */
    public long count(Limit limit, String key) {
        return limit.capacity() - onBucket(limit, key, bucket -> bucket.tryConsumeAndReturnRemaining(1)).getRemainingTokens();
    }

    /** Makes the key's next action under {@code limit} wait {@code wait} from now (e.g. after a failed log-in). */
    public void delay(Limit limit, String key, Duration wait) {
        onBucket(limit, key, bucket -> {
            // From a full bucket, a debt of wait's tokens leaves one action exactly wait away.
            bucket.reset();
            return bucket.consumeIgnoringRateLimits(limit.capacity() - 1 + limit.tokensIn(wait));
        });
    }

    /** Forgets every bucket of one limit for a key, e.g. after a successful login. */
    public void reset(Limit limit, String key) {
        buckets.forget(limit.name() + ":" + key);
    }

    private <T> T onBucket(Limit limit, String key, Function<Bucket, T> action) {
        try {
            return action.apply(buckets.bucket(limit.name() + ":" + key, limit::configuration));
        } catch (RuntimeException e) {
            // Without the shared buckets no limit can be checked; refusing is safer than letting everything through.
            LOG.warnf("Rate limit could not be checked: %s", e.getClass().getName());
            throw new DomainException.Unavailable("This cannot be done right now; try again in a moment", RETRY);
        }
    }
}
