package no.fristed.facts;

import java.time.Instant;
import no.fristed.common.Hashes;

/** The published version of one page in one language, as readers get it. */
public record PublishedFact(String slug, String lang, int version, FactContent content, Instant publishedAt) {

    public String pageId() {
        return FactPage.idOf(slug, lang);
    }

    /** Warnings disappear once they expire; everything else stays until archived. */
    public boolean visibleAt(Instant now) {
        return content.expiresAt() == null || content.expiresAt().isAfter(now);
    }

    /** The band a reader gets when none is asked for: the youngest the page is written for. */
    public AgeBand defaultBand() {
        return content.audience().stream().min(Enum::compareTo).orElse(AgeBand.YOUNG_TEEN);
    }

    static String hash(String text) {
        return Hashes.sha256(text).substring(0, 32);
    }
}
