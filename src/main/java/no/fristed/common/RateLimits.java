package no.fristed.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * In-memory token buckets against abuse. Keys must already be anonymous (a rotating keyed hash, a random session
 * id): nothing here identifies a person. Idle buckets are forgotten.
 */
@ApplicationScoped
public class RateLimits {

    /** A named limit: {@code capacity} actions, refilled evenly over {@code period}. */
    public record Limit(String name, long capacity, Duration period) {
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(500_000)
            .build();

    /** Takes one action from the key's bucket, or throws a 429 problem saying when to try again. */
    public void take(Limit limit, String key, String message) {
        Bucket bucket = buckets.get(limit.name() + ":" + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests(message, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Forgets every bucket of one limit for a key, e.g. after a successful login. */
    public void reset(Limit limit, String key) {
        buckets.invalidate(limit.name() + ":" + key);
    }
}
