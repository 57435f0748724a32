package no.fristed.catalogue;

import java.time.Instant;

/** An immutable snapshot of one stored service, what reads are served from. */
public record CatalogueEntry(ServiceDocument service, ServiceStatus status, HelpService.Origin origin, Instant updatedAt) {

    static CatalogueEntry of(HelpService entity) {
        return new CatalogueEntry(entity.toDocument(), entity.status, entity.origin, entity.updatedAt);
    }

    public boolean active() {
        return status == ServiceStatus.ACTIVE;
    }
}
