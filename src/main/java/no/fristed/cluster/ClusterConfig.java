package no.fristed.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the cluster build: what its instances share in Redis (see README "Running as a cluster"). */
@ConfigMapping(prefix = "fristed.cluster")
public interface ClusterConfig {

    /** fristed.cluster.enabled (build time): chat state, chat bus and rate limits in Redis instead of this process. */
    @WithDefault("false")
    boolean enabled();

    /** fristed.cluster.key-prefix: prefix of every Redis key and channel, so several deployments can share a Redis. */
    @WithDefault("fristed:")
    String keyPrefix();

    /**
     * fristed.cluster.state-ttl: how long chat state and frames stay in Redis after their last change. The sweep
     * deletes them much sooner; this is the backstop when every instance is gone.
     */
    @WithDefault("6h")
    Duration stateTtl();
}
