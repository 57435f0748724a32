package no.fristed.catalogue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The topic taxonomy and the known municipalities, for building search forms. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    private final Taxonomy taxonomy;

    TaxonomyResource(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    @Path("topics")
    public List<Taxonomy.Topic> topics() {
        return taxonomy.topics();
    }

    @GET
    @Path("municipalities")
    public List<Taxonomy.Municipality> municipalities() {
        return taxonomy.municipalities();
    }
}
