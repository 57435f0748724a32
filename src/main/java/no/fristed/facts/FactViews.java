package no.fristed.facts;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What readers get: a page's facts for lists, one age band's text, and the offline bundle. */
public final class FactViews {

    private FactViews() {
    }

    /**
     * A published page without its text, for lists. Sources include those of the shared snippets it shows;
     * {@code reviewed} is false until a professional has reviewed the page.
     */
    public record FactMeta(String slug, String lang, FactKind kind, String title, String summary,
            List<String> substances, List<String> topics, List<AgeBand> audience, List<FactContent.Source> sources,
            boolean reviewed, LocalDate lastReviewed, String reviewer, int version, Instant publishedAt,
            Instant expiresAt) {

        static FactMeta of(PublishedFact fact) {
            FactContent c = fact.content();
            return new FactMeta(fact.slug(), fact.lang(), c.kind(), c.title(), c.summary(), c.substances(), c.topics(),
                    c.audience(), c.sources(), c.reviewed(), c.lastReviewed(), c.reviewer(), fact.version(),
                    fact.publishedAt(), c.expiresAt());
        }
    }

    /** One age band's text of a page, as Markdown and as safe HTML. */
    public record Variant(AgeBand ageBand, String markdown, String html) {

        static Variant of(PublishedFact fact, AgeBand band) {
            return of(fact.content(), band);
        }

        /** The band's text of a page whose snippets are already in place. */
        static Variant of(FactContent shown, AgeBand band) {
            String markdown = FactRenderer.variant(shown.body(), band);
            return new Variant(band, markdown, FactRenderer.html(markdown));
        }
    }

    /** A page as read by one reader. */
    public record FactView(@JsonUnwrapped FactMeta meta, @JsonUnwrapped Variant variant) {
    }

    /** A page with every age band's text, inside the offline bundle. */
    public record BundlePage(@JsonUnwrapped FactMeta meta, List<Variant> variants) {
    }

    /** A draft as readers would get it (snippets in place, every band), for editors to check before saving. */
    public record Preview(String slug, String lang, List<FactContent.Source> sources, List<Variant> variants) {
    }

    /** Every published page in one language, for the app to keep offline. */
    public record Bundle(String lang, int count, List<BundlePage> pages) {
    }

    /** One search result. */
    public record SearchHit(String slug, String lang, FactKind kind, String title, String summary, AgeBand ageBand,
            String highlight) {
    }

    /** Search results, best first. */
    public record SearchResults(String query, List<SearchHit> items) {
    }
}
