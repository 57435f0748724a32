package no.fristed.facts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** Settings of the fact pages. */
@ConfigMapping(prefix = "fristed.facts")
public interface FactsConfig {

    /** fristed.facts.review-interval: published pages whose lastReviewed is older are listed for editors. */
    @WithDefault("P12M")
    Period reviewInterval();
}
