package no.fristed.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import no.fristed.common.Problem.FieldError;
import no.fristed.common.ProblemException;
import org.jboss.logging.Logger;

/** Writes to the catalogue: editors' create, update and retire, and the start-up sync of content/services. */
@ApplicationScoped
@Transactional
public class CatalogueService {

    private static final Logger LOG = Logger.getLogger(CatalogueService.class);

    private final CatalogueRules rules;
    private final Clock clock;
    private final Event<CatalogueChanged> changed;

    CatalogueService(CatalogueRules rules, Clock clock, Event<CatalogueChanged> changed) {
        this.rules = rules;
        this.clock = clock;
        this.changed = changed;
    }

    public CatalogueEntry create(ServiceDocument doc, String staffId) {
        check(doc);
        if (HelpService.findById(doc.id()) != null) {
            throw ProblemException.conflict("service-exists", "A service with id '" + doc.id() + "' already exists");
        }
        HelpService entity = new HelpService();
        return save(entity, doc, HelpService.Origin.EDITOR, null, staffId);
    }

    public CatalogueEntry update(String id, ServiceDocument doc, String staffId) {
        if (!id.equals(doc.id())) {
            throw ProblemException.badRequest("id", "the id in the body must match the id in the path");
        }
        check(doc);
        return save(existing(id), doc, HelpService.Origin.EDITOR, null, staffId);
    }

    public void retire(String id, String staffId) {
        HelpService entity = existing(id);
        entity.status = ServiceStatus.RETIRED;
        touch(entity, staffId);
    }

    /**
     * Brings one content file into the database. A service an editor has changed through the API keeps the
     * editor's version: the database is the editors' truth, the files are the seed.
     */
    void syncFromContent(ServiceDocument doc, String contentHash) {
        HelpService entity = HelpService.findById(doc.id());
        if (entity == null) {
            save(new HelpService(), doc, HelpService.Origin.CONTENT, contentHash, null);
        } else if (entity.origin == HelpService.Origin.EDITOR) {
            LOG.infof("Service %s was edited through the API; its content file is not applied", doc.id());
        } else if (!contentHash.equals(entity.contentHash) || entity.status != ServiceStatus.ACTIVE) {
            save(entity, doc, HelpService.Origin.CONTENT, contentHash, null);
        }
    }

    /** Retires content-loaded services whose file is gone. */
    void retireContentServicesOtherThan(Collection<String> ids) {
        List<HelpService> gone = HelpService.list("origin = ?1 and status = ?2 and id not in ?3",
                HelpService.Origin.CONTENT, ServiceStatus.ACTIVE, ids);
        gone.forEach(entity -> {
            entity.status = ServiceStatus.RETIRED;
            touch(entity, null);
        });
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
        entity.apply(doc, organization, places);
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

    private static HelpService existing(String id) {
        HelpService entity = HelpService.findById(id);
        if (entity == null) {
            throw ProblemException.notFound("Service '" + id + "'");
        }
        return entity;
    }
}
