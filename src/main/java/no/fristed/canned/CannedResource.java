package no.fristed.canned;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Canned responses: counsellors read them, editors manage them. */
@Path("/api/v1/canned")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedResource {

    private final CannedService canned;
    private final SecurityIdentity identity;

    CannedResource(CannedService canned, SecurityIdentity identity) {
        this.canned = canned;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"counsellor", "editor", "supervisor"})
    public List<CannedDocument> list(@QueryParam("lang") String lang, @QueryParam("topic") String topic) {
        return canned.list(lang, topic);
    }

    @POST
    @RolesAllowed("editor")
    public Response create(@NotNull @Valid CannedDocument doc) {
        return Response.status(Response.Status.CREATED).entity(canned.create(doc, editor())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("editor")
    public CannedDocument update(@PathParam("id") String id, @NotNull @Valid CannedDocument doc) {
        return canned.update(id, doc, editor());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    public Response retire(@PathParam("id") String id) {
        canned.retire(id, editor());
        return Response.noContent().build();
    }

    private String editor() {
        return identity.getPrincipal().getName();
    }
}
