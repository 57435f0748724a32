package no.fristed.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Supplier;

/** Where rate-limit buckets live: in this process (embedded default) or in Redis, shared by a cluster. */
public interface Buckets {

    /** The bucket under {@code key}, created with {@code configuration} (asked for only then) if there is none. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);

    void forget(String key);
}
