package no.fristed.facts;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import no.fristed.common.QueryParams;

/**
 * The editorial workflow for editors: drafts (with a preview as readers would see them), review with four eyes,
 * publishing, archiving, history, and the pages a professional must review.
 */
@Path("/api/v1/editor/facts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class FactEditorResource {

    /** Why a version in review is sent back. */
    public record Rejection(@Size(max = 1000) String note) {
    }

    private final FactService facts;
    private final SecurityIdentity identity;

    FactEditorResource(FactService facts, SecurityIdentity identity) {
        this.facts = facts;
        this.identity = identity;
    }

    @POST
    @Path("{slug}/{lang}/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createDraft(@PathParam("slug") String slug, @PathParam("lang") String lang,
            @NotNull @Valid FactContent content) {
        return Response.status(Response.Status.CREATED).entity(facts.createDraft(slug, lang, content, editor())).build();
    }

    @PUT
    @Path("{slug}/{lang}/drafts/current")
    @Consumes(MediaType.APPLICATION_JSON)
    public FactVersionView updateDraft(@PathParam("slug") String slug, @PathParam("lang") String lang,
            @NotNull @Valid FactContent content) {
        return facts.updateDraft(slug, lang, content, editor());
    }

    @POST
    @Path("{slug}/{lang}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public FactViews.Preview preview(@PathParam("slug") String slug, @PathParam("lang") String lang,
            @NotNull @Valid FactContent content) {
        return facts.preview(slug, lang, content);
    }

    @POST
    @Path("{slug}/{lang}/submit")
    public FactVersionView submit(@PathParam("slug") String slug, @PathParam("lang") String lang) {
        return facts.submit(slug, lang, editor());
    }

    @POST
    @Path("{slug}/{lang}/approve")
    public FactVersionView approve(@PathParam("slug") String slug, @PathParam("lang") String lang) {
        return facts.approve(slug, lang, editor());
    }

    @POST
    @Path("{slug}/{lang}/reject")
    public FactVersionView reject(@PathParam("slug") String slug, @PathParam("lang") String lang,
            @Valid Rejection rejection) {
        return facts.reject(slug, lang, editor(), rejection == null ? null : rejection.note());
    }

    @POST
    @Path("{slug}/{lang}/archive")
    public FactVersionView archive(@PathParam("slug") String slug, @PathParam("lang") String lang) {
        return facts.archive(slug, lang, editor());
    }

    /** Every page's working and published versions, for the editors' list and review queue (supervisors read). */
    @GET
    @RolesAllowed({"editor", "supervisor"})
    public List<FactPageSummary> list(@QueryParam("status") String status, @QueryParam("lang") String lang) {
        QueryParams params = new QueryParams();
        FactStatus wanted = params.code("status", status, FactStatus.class);
        if (lang != null && !FactRules.LANGUAGES.contains(lang)) {
            params.error("lang", "must be one of " + String.join(", ", FactRules.LANGUAGES));
        }
        params.check();
        return facts.list(wanted, lang);
    }

    @GET
    @Path("{slug}/{lang}/versions")
    @RolesAllowed({"editor", "supervisor"})
    public List<FactVersionView> history(@PathParam("slug") String slug, @PathParam("lang") String lang) {
        return facts.history(slug, lang);
    }

    @GET
    @Path("review-due")
    @RolesAllowed({"editor", "supervisor"})
    public List<FactVersionView> reviewDue() {
        return facts.reviewDue();
    }

    private String editor() {
        return identity.getPrincipal().getName();
    }
}
