package no.fristed.catalogue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.fristed.common.DomainException;

/** Organizations and the services they run. */
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    /** An organization with the active services it runs. */
    public record OrganizationView(String id, String name, String description, String website, String email,
            List<ServiceRef> services) {
    }

    /** A link to a service. */
    public record ServiceRef(String id, String name) {
    }

    private final CatalogueCache cache;

    OrganizationResource(CatalogueCache cache) {
        this.cache = cache;
    }

    @GET
    @Path("{id}")
    public OrganizationView get(@PathParam("id") String id) {
        List<ServiceDocument> services = cache.entries().stream()
                .filter(CatalogueEntry::active)
                .map(CatalogueEntry::service)
                .filter(s -> s.organization().id().equals(id))
                .toList();
        if (services.isEmpty()) {
            throw DomainException.NotFound.of("Organization '" + id + "'");
        }
        ServiceDocument.OrganizationDocument org = services.get(0).organization();
        return new OrganizationView(org.id(), org.name(), org.description(), org.website(), org.email(),
                services.stream().map(s -> new ServiceRef(s.id(), s.name())).toList());
    }
}
