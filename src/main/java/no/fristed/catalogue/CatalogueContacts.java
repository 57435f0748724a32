package no.fristed.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import no.fristed.privacy.PublicContacts;

/** The privacy guard's public contact data: what the catalogue's active services publish. */
@ApplicationScoped
public class CatalogueContacts implements PublicContacts {

    private final CatalogueCache cache;

    CatalogueContacts(CatalogueCache cache) {
        this.cache = cache;
    }

    @Override
    public List<String> texts() {
        return cache.publicContacts();
    }
}
