package no.fristed.catalogue;

import java.time.Instant;

/**
 * An immutable snapshot of one stored service, what reads are served from; {@code verifiedBy} is the staff id of the
 * editor who last checked it with the service.
 */
public record CatalogueEntry(ServiceDocument service, ServiceStatus status, HelpService.Origin origin, Instant updatedAt,
        String verifiedBy) {

    static CatalogueEntry of(HelpService entity) {
        return new CatalogueEntry(entity.toDocument(), entity.status, entity.origin, entity.updatedAt,
                entity.verifiedBy);
    }

    public boolean active() {
        return status == ServiceStatus.ACTIVE;
    }
}
