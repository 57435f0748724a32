package no.fristed.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.fristed.common.Coded;
import no.fristed.common.StringListConverter;

/**
 * An editor's proposed create, replace or retire of a catalogue entry. It changes nothing until another editor
 * approves it (four eyes); staff ids only.
 */
@Entity
public class ServiceChange extends PanacheEntityBase {

    /** What the change does to the entry. */
    public enum Kind implements Coded { CREATE, REPLACE, RETIRE }

    /** Where the change is in the review. */
    public enum Status implements Coded { IN_REVIEW, APPROVED, REJECTED }

    @Id
    public String id;
    public String serviceId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The proposed document as JSON; null for a retire. */
    public String document;
    /** The top-level fields the change touches, as it was proposed. */
    @Convert(converter = StringListConverter.class)
    public List<String> fields;
    public String author;
    public Instant createdAt;
    public String reviewer;
    public Instant reviewedAt;
    public String note;

    /** The change waiting for review on this service id, if any: one at a time, so reviews never overlap. */
    static Optional<ServiceChange> open(String serviceId) {
        return find("serviceId = ?1 and status = ?2", serviceId, Status.IN_REVIEW).firstResultOptional();
    }

    static List<ServiceChange> withStatus(Status status) {
        return list("status = ?1 order by createdAt, id", status);
    }
}
