package no.fristed.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import no.fristed.common.Coded;

/**
 * Someone's report that an entry is wrong. Nothing about the reporter is kept: no session, no address, and the text
 * has been through the privacy guard.
 */
@Entity
public class ServiceReport extends PanacheEntityBase {

    /** Open until an editor has looked at it and closed it. */
    public enum Status implements Coded { OPEN, CLOSED }

    @Id
    public String id;
    public String serviceId;
    @Column(name = "report_text")
    public String text;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant createdAt;
    public Instant closedAt;
    public String closedBy;
    public String note;
}
