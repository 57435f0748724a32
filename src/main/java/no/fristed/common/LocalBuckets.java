package no.fristed.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/** The embedded default's buckets: in memory, idle ones forgotten. */
@ApplicationScoped
@DefaultBean
public class LocalBuckets implements Buckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(500_000)
            .build();

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.get(key, k -> {
            LocalBucketBuilder builder = Bucket.builder();
            for (Bandwidth limit : configuration.get().getBandwidths()) {
                builder.addLimit(limit);
            }
            return builder.build();
        });
    }

    @Override
    public void forget(String key) {
        buckets.invalidate(key);
    }
}
