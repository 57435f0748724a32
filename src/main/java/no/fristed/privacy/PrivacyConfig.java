package no.fristed.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the privacy check and the deletion of time-limited data. */
@ConfigMapping(prefix = "fristed")
public interface PrivacyConfig {

    Privacy privacy();

    Retention retention();

    /** The privacy check endpoint. */
    interface Privacy {

        /** fristed.privacy.check-limit: texts one network address may have checked per minute. */
        @WithDefault("60")
        long checkLimit();
    }

    /** Deletion of expired data. */
    interface Retention {

        /** fristed.retention.purge-interval: how often expired time-limited data is deleted. */
        @WithDefault("10m")
        Duration purgeInterval();
    }
}
