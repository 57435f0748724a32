package no.fristed.catalogue;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Keeping entries fresh: "verified with the service", what is due for verification, and each entry's history. */
@Path("/api/v1/editor/services")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class ServiceVerificationResource {

    private final CatalogueService catalogue;
    private final CatalogueReview review;
    private final SecurityIdentity identity;

    ServiceVerificationResource(CatalogueService catalogue, CatalogueReview review, SecurityIdentity identity) {
        this.catalogue = catalogue;
        this.review = review;
        this.identity = identity;
    }

    @GET
    @Path("verification-due")
    @RolesAllowed({"editor", "supervisor"})
    public List<CatalogueReview.DueItem> verificationDue() {
        return review.verificationDue();
    }

    /** Confirms the entry as of today; no review needed, because nothing in the entry changes. */
    @POST
    @Path("{id}/verified")
    public CatalogueEntry verified(@PathParam("id") String id) {
        return catalogue.verify(id, identity.getPrincipal().getName());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({"editor", "supervisor"})
    public List<CatalogueReview.HistoryItem> history(@PathParam("id") String id) {
        return review.history(id);
    }
}
