package no.fristed.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import no.fristed.common.DomainException;

/**
 * Four eyes on the catalogue, as for fact pages: an editor's create, replace or retire waits as a change in review
 * until another editor approves it; the reviewer sees a field-by-field diff. Also the verification list and the
 * per-service history.
 */
@ApplicationScoped
@Transactional
public class CatalogueReview {

    /** A change as editors review it: the diff is against the entry as it is now, so only while it is in review. */
    public record ChangeView(String id, String serviceId, ServiceChange.Kind kind, ServiceChange.Status status,
            String author, Instant createdAt, String reviewer, Instant reviewedAt, String note, List<String> fields,
            List<ServiceDiff.FieldChange> diff, ServiceDocument document) {
    }

    /** A service whose entry has not been checked with the service for too long, or never. */
    public record DueItem(String id, String name, String organization, LocalDate lastVerified, String verifiedBy,
            Instant updatedAt) {
    }

    /** One line of a service's history. */
    public record HistoryItem(Instant at, ServiceHistory.Action action, String staff, String approver,
            List<String> fields) {
    }

    private final CatalogueService catalogue;
    private final CatalogueCache cache;
    private final ServiceDiff diff;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Period verificationInterval;

    CatalogueReview(CatalogueService catalogue, CatalogueCache cache, ServiceDiff diff, ObjectMapper mapper, Clock clock,
            CatalogueConfig config) {
        this.catalogue = catalogue;
        this.cache = cache;
        this.diff = diff;
        this.mapper = mapper;
        this.clock = clock;
        this.verificationInterval = config.catalogue().verificationInterval();
    }

    public ChangeView proposeCreate(ServiceDocument doc, String author) {
        catalogue.checkNew(doc);
        return propose(ServiceChange.Kind.CREATE, doc.id(), doc, author, diff.between(null, doc));
    }

    public ChangeView proposeReplace(String id, ServiceDocument doc, String author) {
        HelpService current = catalogue.checkReplacement(id, doc);
        List<ServiceDiff.FieldChange> changes = diff.between(current.toDocument(), doc);
        if (changes.isEmpty()) {
            throw new DomainException.Conflict("no-change",
                    "The document is the same as the entry; there is nothing to review");
        }
        return propose(ServiceChange.Kind.REPLACE, id, doc, author, changes);
    }

    public ChangeView proposeRetire(String id, String author) {
        catalogue.checkRetirement(id);
        return propose(ServiceChange.Kind.RETIRE, id, null, author, diff.retirement());
    }

    /** Applies the change; not by its author. */
    public ChangeView approve(String changeId, String approver) {
        ServiceChange change = inReview(changeId, "Only a change in review can be approved");
        if (change.author.equals(approver)) {
            throw new DomainException.Conflict("four-eyes", "You proposed this change; another editor must approve it");
        }
        List<ServiceDiff.FieldChange> applied = currentDiff(change);
        switch (change.kind) {
            case CREATE -> catalogue.create(document(change), change.author, approver);
            case REPLACE -> catalogue.replace(change.serviceId, document(change), change.author, approver);
            case RETIRE -> catalogue.retire(change.serviceId, change.author, approver);
        }
        decide(change, ServiceChange.Status.APPROVED, approver, null);
        return view(change, applied);
    }

    /** Turns the change down with a note; its author may also withdraw it this way. */
    public ChangeView reject(String changeId, String editor, String note) {
        ServiceChange change = inReview(changeId, "Only a change in review can be rejected");
        decide(change, ServiceChange.Status.REJECTED, editor, note);
        return view(change, null);
    }

    public ChangeView change(String changeId) {
        ServiceChange change = find(changeId);
        return view(change, change.status == ServiceChange.Status.IN_REVIEW ? currentDiff(change) : null);
    }

    /** Changes with the status, oldest first. */
    public List<ChangeView> changes(ServiceChange.Status status) {
        return ServiceChange.withStatus(status).stream()
                .map(c -> view(c, status == ServiceChange.Status.IN_REVIEW ? currentDiff(c) : null))
                .toList();
    }

    /** Active services never verified (by name), then those verified longest ago, up to the interval. */
    public List<DueItem> verificationDue() {
        LocalDate cutoff = LocalDate.now(clock.withZone(OpeningHours.OSLO)).minus(verificationInterval);
        return cache.entries().stream()
                .filter(CatalogueEntry::active)
                .filter(e -> e.service().lastVerified() == null || e.service().lastVerified().isBefore(cutoff))
                .sorted(Comparator.comparing((CatalogueEntry e) -> e.service().lastVerified(),
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(e -> e.service().name()))
                .map(e -> new DueItem(e.service().id(), e.service().name(), e.service().organization().name(),
                        e.service().lastVerified(), e.verifiedBy(), e.updatedAt()))
                .toList();
    }

    /** What happened to the entry, newest first. */
    public List<HistoryItem> history(String serviceId) {
        CatalogueService.existing(serviceId);
        return ServiceHistory.of(serviceId).stream()
                .map(h -> new HistoryItem(h.happenedAt, h.action, h.staff, h.approver, h.fields))
                .toList();
    }

    private ChangeView propose(ServiceChange.Kind kind, String serviceId, ServiceDocument doc, String author,
            List<ServiceDiff.FieldChange> changes) {
        if (ServiceChange.open(serviceId).isPresent()) {
            throw new DomainException.Conflict("change-in-review",
                    "Service '" + serviceId + "' already has a change in review; approve or reject that one first");
        }
        ServiceChange change = new ServiceChange();
        change.id = UUID.randomUUID().toString();
        change.serviceId = serviceId;
        change.kind = kind;
        change.status = ServiceChange.Status.IN_REVIEW;
        change.document = doc == null ? null : json(doc);
        change.fields = ServiceDiff.fields(changes);
        change.author = author;
        change.createdAt = clock.instant();
        change.persist();
        return view(change, changes);
    }

    /** What approving the change would do to the entry as it is now. */
    private List<ServiceDiff.FieldChange> currentDiff(ServiceChange change) {
        return switch (change.kind) {
            case CREATE -> diff.between(null, document(change));
            case REPLACE -> diff.between(HelpService.<HelpService>findByIdOptional(change.serviceId)
                    .map(HelpService::toDocument).orElse(null), document(change));
            case RETIRE -> diff.retirement();
        };
    }

    private void decide(ServiceChange change, ServiceChange.Status status, String reviewer, String note) {
        change.status = status;
        change.reviewer = reviewer;
        change.reviewedAt = clock.instant();
        change.note = note;
    }

    private ServiceChange inReview(String changeId, String message) {
        ServiceChange change = find(changeId);
        if (change.status != ServiceChange.Status.IN_REVIEW) {
            throw new DomainException.Conflict("invalid-transition", message);
        }
        return change;
    }

    private static ServiceChange find(String changeId) {
        return ServiceChange.<ServiceChange>findByIdOptional(changeId)
                .orElseThrow(() -> DomainException.NotFound.of("Change '" + changeId + "'"));
    }

    private ChangeView view(ServiceChange c, List<ServiceDiff.FieldChange> changes) {
        return new ChangeView(c.id, c.serviceId, c.kind, c.status, c.author, c.createdAt, c.reviewer, c.reviewedAt,
                c.note, c.fields, changes, c.document == null ? null : document(c));
    }

    private String json(ServiceDocument doc) {
        try {
            return mapper.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A service document could not be written as JSON", e);
        }
    }

    private ServiceDocument document(ServiceChange change) {
        try {
            return mapper.readValue(change.document, ServiceDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored change " + change.id + " is not a service document", e);
        }
    }
}
