package no.fristed.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the content every feature loads and caches: where the files are, how often caches re-sync. */
@ConfigMapping(prefix = "fristed")
public interface ContentConfig {

    Content content();

    Cache cache();

    /** The content folder. */
    interface Content {

        /**
         * fristed.content.dir: where content files are read from at start-up; when the folder does not exist, the
         * content shipped inside the application is used.
         */
        @WithDefault("content")
        Path dir();
    }

    /** The in-memory catalogue and published pages. */
    interface Cache {

        /** fristed.cache.refresh-interval: how often an instance checks whether another instance changed them. */
        @WithDefault("30s")
        Duration refreshInterval();
    }
}
