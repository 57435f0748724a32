package no.fristed.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import no.fristed.common.DomainException;
import no.fristed.common.Problem.FieldError;
import no.fristed.common.ProblemException;
import org.jboss.logging.Logger;

/**
 * Writes to the catalogue: approved editors' changes, verification with the service, and the start-up sync of
 * content/services. Every write is recorded in the service's history.
 */
@ApplicationScoped
@Transactional
public class CatalogueService {

    private static final Logger LOG = Logger.getLogger(CatalogueService.class);

    private final CatalogueRules rules;
    private final ServiceDiff diff;
    private final Clock clock;
    private final Event<CatalogueChanged> changed;

    CatalogueService(CatalogueRules rules, ServiceDiff diff, Clock clock, Event<CatalogueChanged> changed) {
        this.rules = rules;
        this.diff = diff;
        this.clock = clock;
        this.changed = changed;
    }

    /** Checks a new service before it is proposed, and again when the proposal is approved. */
    void checkNew(ServiceDocument doc) {
        check(doc);
        if (HelpService.findById(doc.id()) != null) {
            throw new DomainException.Conflict("service-exists", "A service with id '" + doc.id() + "' already exists");
        }
    }

    /** Checks a replacement and returns the entry it replaces. */
    HelpService checkReplacement(String id, ServiceDocument doc) {
        if (!id.equals(doc.id())) {
            throw ProblemException.badRequest("id", "the id in the body must match the id in the path");
        }
        check(doc);
        return existing(id);
    }

    /** The entry a retire would take away; it must still be active. */
    HelpService checkRetirement(String id) {
        HelpService entity = existing(id);
        if (entity.status != ServiceStatus.ACTIVE) {
            throw new DomainException.Conflict("already-retired", "Service '" + id + "' is already retired");
        }
        return entity;
    }

    CatalogueEntry create(ServiceDocument doc, String author, String approver) {
        checkNew(doc);
        CatalogueEntry entry = save(new HelpService(), doc, HelpService.Origin.EDITOR, null, author);
        ServiceHistory.record(doc.id(), clock.instant(), ServiceHistory.Action.CREATED, author, approver,
                ServiceDiff.fields(diff.between(null, doc)));
        return entry;
    }

    CatalogueEntry replace(String id, ServiceDocument doc, String author, String approver) {
        HelpService entity = checkReplacement(id, doc);
        List<String> fields = ServiceDiff.fields(diff.between(entity.toDocument(), doc));
        CatalogueEntry entry = save(entity, doc, HelpService.Origin.EDITOR, null, author);
        ServiceHistory.record(id, clock.instant(), ServiceHistory.Action.REPLACED, author, approver, fields);
        return entry;
    }

    CatalogueEntry retire(String id, String author, String approver) {
        HelpService entity = checkRetirement(id);
        entity.status = ServiceStatus.RETIRED;
        touch(entity, author);
        ServiceHistory.record(id, clock.instant(), ServiceHistory.Action.RETIRED, author, approver, List.of("status"));
        return CatalogueEntry.of(entity);
    }

    /** An editor has checked the entry with the service itself: the facts are confirmed as of today. */
    public CatalogueEntry verify(String id, String staffId) {
        HelpService entity = existing(id);
        if (entity.status != ServiceStatus.ACTIVE) {
            throw new DomainException.Conflict("retired",
                    "Service '" + id + "' is retired; there is nothing to verify");
        }
        entity.lastVerified = LocalDate.now(clock.withZone(OpeningHours.OSLO));
        entity.verifiedBy = staffId;
        touch(entity, staffId);
        ServiceHistory.record(id, clock.instant(), ServiceHistory.Action.VERIFIED, staffId, null,
                List.of("lastVerified", "verifiedBy"));
        return CatalogueEntry.of(entity);
    }

    /**
     * Brings one content file into the database. A service an editor has changed through the API keeps the
     * editor's version: the database is the editors' truth, the files are the seed.
     */
    void syncFromContent(ServiceDocument doc, String contentHash) {
        HelpService entity = HelpService.findById(doc.id());
        if (entity == null) {
            save(new HelpService(), doc, HelpService.Origin.CONTENT, contentHash, null);
            recordContentFile(doc.id(), diff.between(null, doc));
        } else if (entity.origin == HelpService.Origin.EDITOR) {
            LOG.infof("Service %s was edited through the API; its content file is not applied", doc.id());
        } else if (!contentHash.equals(entity.contentHash) || entity.status != ServiceStatus.ACTIVE) {
            List<ServiceDiff.FieldChange> changes = new ArrayList<>(diff.between(entity.toDocument(), doc));
            if (entity.status != ServiceStatus.ACTIVE) {
                changes.add(new ServiceDiff.FieldChange("status", entity.status.code(), ServiceStatus.ACTIVE.code(), null));
            }
            save(entity, doc, HelpService.Origin.CONTENT, contentHash, null);
            recordContentFile(doc.id(), changes);
        }
    }

    /** Retires content-loaded services whose file is gone. */
    void retireContentServicesOtherThan(Collection<String> ids) {
        List<HelpService> gone = HelpService.list("origin = ?1 and status = ?2 and id not in ?3",
                HelpService.Origin.CONTENT, ServiceStatus.ACTIVE, ids);
        gone.forEach(entity -> {
            entity.status = ServiceStatus.RETIRED;
            touch(entity, null);
            recordContentFile(entity.id, diff.retirement());
        });
    }

    private void recordContentFile(String id, List<ServiceDiff.FieldChange> changes) {
        ServiceHistory.record(id, clock.instant(), ServiceHistory.Action.CONTENT_FILE, null, null,
                ServiceDiff.fields(changes));
    }

    List<FieldError> violations(ServiceDocument doc) {
        return rules.violations(doc);
    }

    private void check(ServiceDocument doc) {
        List<FieldError> errors = rules.violations(doc);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private CatalogueEntry save(HelpService entity, ServiceDocument doc, HelpService.Origin origin, String hash,
            String staffId) {
        Organization organization = Organization.upsert(doc.organization());
        List<Location> places = doc.locations().stream().map(Location::upsert).toList();
        LocalDate verified = entity.lastVerified;
        String verifiedBy = entity.verifiedBy;
        entity.apply(doc, organization, places);
        // A document never takes back a later verification; a document's own later date names no verifier.
        if (verified != null && (entity.lastVerified == null || entity.lastVerified.isBefore(verified))) {
            entity.lastVerified = verified;
            entity.verifiedBy = verifiedBy;
        } else if (!Objects.equals(verified, entity.lastVerified)) {
            entity.verifiedBy = null;
        }
        entity.status = ServiceStatus.ACTIVE;
        entity.origin = origin;
        entity.contentHash = hash;
        touch(entity, staffId);
        return CatalogueEntry.of(entity);
    }

    private void touch(HelpService entity, String staffId) {
        entity.updatedAt = clock.instant();
        entity.updatedBy = staffId;
        entity.persist();
        changed.fire(new CatalogueChanged(entity.id));
    }

    static HelpService existing(String id) {
        HelpService entity = HelpService.findById(id);
        if (entity == null) {
            throw DomainException.NotFound.of("Service '" + id + "'");
        }
        return entity;
    }
}
