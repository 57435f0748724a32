package no.fristed.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a page in the editors' list, without its text: the version an editor is working on (draft or in
 * review) and the published one are listed separately, so a page can appear twice; a page with neither shows its
 * newest (archived) version.
 */
public record FactPageSummary(String slug, String lang, int version, FactStatus status, String title, FactKind kind,
        List<AgeBand> audience, boolean reviewed, LocalDate lastReviewed, String reviewer, String author,
        Instant createdAt, Instant submittedAt, String submittedBy, String approver, Instant publishedAt,
        Instant expiresAt, String note) {

    static FactPageSummary of(FactPage page, FactVersion v) {
        FactContent c = v.content;
        return new FactPageSummary(page.slug, page.lang, v.version, v.status, c.title(), c.kind(), c.audience(),
                c.reviewed(), c.lastReviewed(), c.reviewer(), v.author, v.createdAt, v.submittedAt, v.submittedBy, v.approver,
                v.publishedAt, c.expiresAt(), v.note);
    }
}
