package no.fristed.catalogue;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.fristed.common.QueryParams;

/** The review of catalogue changes: list, read with the diff, approve (four eyes), reject. */
@Path("/api/v1/editor/service-changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class ServiceChangeResource {

    /** Why a change is turned down. */
    public record Rejection(@Size(max = 1000) String note) {
    }

    private final CatalogueReview review;
    private final SecurityIdentity identity;

    ServiceChangeResource(CatalogueReview review, SecurityIdentity identity) {
        this.review = review;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"editor", "supervisor"})
    public List<CatalogueReview.ChangeView> list(@QueryParam("status") String status) {
        QueryParams params = new QueryParams();
        ServiceChange.Status wanted = params.code("status", status, ServiceChange.Status.class);
        params.check();
        return review.changes(wanted == null ? ServiceChange.Status.IN_REVIEW : wanted);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"editor", "supervisor"})
    public CatalogueReview.ChangeView get(@PathParam("id") String id) {
        return review.change(id);
    }

    @POST
    @Path("{id}/approve")
    public CatalogueReview.ChangeView approve(@PathParam("id") String id) {
        return review.approve(id, editor());
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public CatalogueReview.ChangeView reject(@PathParam("id") String id, @Valid Rejection rejection) {
        return review.reject(id, editor(), rejection == null ? null : rejection.note());
    }

    private String editor() {
        return identity.getPrincipal().getName();
    }
}
