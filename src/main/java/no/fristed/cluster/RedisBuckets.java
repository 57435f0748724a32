package no.fristed.cluster;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import no.fristed.common.Buckets;

/**
 * The cluster's buckets: Bucket4j's compare-and-swap algorithm over Redis, so a limit holds across every instance.
 * A bucket untouched for two hours is dropped (all limits refill well within that).
 */
@ApplicationScoped
@IfBuildProperty(name = "fristed.cluster.enabled", stringValue = "true")
public class RedisBuckets implements Buckets {

    private static final Duration IDLE_EXPIRY = Duration.ofHours(2);
    private static final String SWAP = LuaScripts.load("bucket-swap");

    private final RedisDataSource redis;
    private final String prefix;
    private final Proxies proxies = new Proxies();

    RedisBuckets(RedisDataSource redis, ClusterConfig config) {
        this.redis = redis;
        this.prefix = config.keyPrefix() + "rate:";
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return proxies.builder().build(prefix + key, configuration);
    }

    @Override
    public void forget(String key) {
        redis.key().del(prefix + key);
    }

    private final class Proxies extends AbstractCompareAndSwapBasedProxyManager<String> {

        Proxies() {
            super(ClientSideConfig.getDefault());
        }

        @Override
        protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
            return new CompareAndSwapOperation() {
                @Override
                public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                    return Optional.ofNullable(redis.value(String.class).get(key)).map(Base64.getDecoder()::decode);
                }

                @Override
                public boolean compareAndSwap(byte[] original, byte[] replacement, RemoteBucketState state,
                        Optional<Long> timeoutNanos) {
                    Response swapped = redis.execute("EVAL", SWAP, "1", key,
                            original == null ? "" : Base64.getEncoder().encodeToString(original),
                            Base64.getEncoder().encodeToString(replacement), Long.toString(IDLE_EXPIRY.toMillis()));
                    return swapped != null && swapped.toLong() == 1;
                }
            };
        }

        @Override
        protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
            throw new UnsupportedOperationException("Rate limits are taken synchronously");
        }

        @Override
        protected CompletableFuture<Void> removeAsync(String key) {
            throw new UnsupportedOperationException("Rate limits are taken synchronously");
        }

        @Override
        public void removeProxy(String key) {
            redis.key().del(key);
        }

        @Override
        public boolean isAsyncModeSupported() {
            return false;
        }
    }
}
