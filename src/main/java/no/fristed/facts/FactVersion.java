package no.fristed.facts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One version of a fact page with its place in the editorial workflow and who moved it there (staff ids only). */
@Entity
public class FactVersion extends PanacheEntityBase {

    @Id
    public String id;
    public String pageId;
    public int version;
    @Enumerated(EnumType.STRING)
    public FactStatus status;
    @Embedded
    public FactContent content;
    public String author;
    public Instant createdAt;
    public Instant submittedAt;
    public String submittedBy;
    public String approver;
    public Instant publishedAt;
    public String note;

    static List<FactVersion> history(String pageId) {
        return list("pageId = ?1 order by version desc", pageId);
    }

    /** The version an editor is working on (draft or in review), if any. */
    static Optional<FactVersion> open(String pageId) {
        return find("pageId = ?1 and status in ?2", pageId, List.of(FactStatus.DRAFT, FactStatus.IN_REVIEW))
                .firstResultOptional();
    }

    static Optional<FactVersion> published(String pageId) {
        return find("pageId = ?1 and status = ?2", pageId, FactStatus.PUBLISHED).firstResultOptional();
    }

    static int nextVersion(String pageId) {
        Integer max = getEntityManager().createQuery("select max(v.version) from FactVersion v where v.pageId = ?1",
                Integer.class).setParameter(1, pageId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
