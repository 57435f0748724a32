package no.fristed.catalogue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/** Settings of the help-services catalogue, its search and its HSDS export. */
@ConfigMapping(prefix = "fristed")
public interface CatalogueConfig {

    Catalogue catalogue();

    Search search();

    Hsds hsds();

    /** Editing and reporting. */
    interface Catalogue {

        /** fristed.catalogue.verification-interval: entries not verified with the service for this long are listed. */
        @WithDefault("P12M")
        Period verificationInterval();

        /** fristed.catalogue.report-limit: "report wrong information" per network address per hour. */
        @WithDefault("5")
        long reportLimit();
    }

    /** Service search. */
    interface Search {

        /** fristed.search.max-page-size: the largest {@code size} a search accepts. */
        @WithDefault("100")
        int maxPageSize();
    }

    /** The HSDS API. */
    interface Hsds {

        /** fristed.hsds.profile-url: where the HSDS API root says Fristed's HSDS profile is described. */
        @WithDefault("https://fristed.no/hsds/profile")
        String profileUrl();
    }
}
