package no.fristed.facts;

import java.time.Instant;

/** One version of a page as editors see it in the workflow and the history. */
public record FactVersionView(String slug, String lang, int version, FactStatus status, boolean reviewed,
        String author, Instant createdAt, Instant submittedAt, String submittedBy, String approver, Instant publishedAt,
        String note, FactContent content) {

    static FactVersionView of(FactPage page, FactVersion v) {
        return new FactVersionView(page.slug, page.lang, v.version, v.status, v.content.reviewed(), v.author,
                v.createdAt, v.submittedAt, v.submittedBy, v.approver, v.publishedAt, v.note, v.content);
    }
}
