package no.fristed.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.fristed.common.Coded;
import no.fristed.common.StringListConverter;

/** One thing that happened to a catalogue entry: who (staff id), when, which fields. */
@Entity
public class ServiceHistory extends PanacheEntityBase {

    /** What happened. A content file that changed an entry counts as {@code content-file}. */
    public enum Action implements Coded { CREATED, REPLACED, RETIRED, VERIFIED, CONTENT_FILE }

    @Id
    public String id;
    public String serviceId;
    /** 1, 2, 3, … per service, so the order holds even when two things happen in the same instant. */
    public int seq;
    public Instant happenedAt;
    @Enumerated(EnumType.STRING)
    public Action action;
    public String staff;
    public String approver;
    @Convert(converter = StringListConverter.class)
    public List<String> fields;

    static void record(String serviceId, Instant at, Action action, String staff, String approver,
            List<String> fields) {
        ServiceHistory entry = new ServiceHistory();
        entry.id = UUID.randomUUID().toString();
        entry.serviceId = serviceId;
        Integer last = getEntityManager().createQuery(
                "select max(h.seq) from ServiceHistory h where h.serviceId = ?1", Integer.class)
                .setParameter(1, serviceId).getSingleResult();
        entry.seq = last == null ? 1 : last + 1;
        entry.happenedAt = at;
        entry.action = action;
        entry.staff = staff;
        entry.approver = approver;
        entry.fields = List.copyOf(fields);
        entry.persist();
    }

    /** Newest first. */
    static List<ServiceHistory> of(String serviceId) {
        return list("serviceId = ?1 order by seq desc", serviceId);
    }
}
