package no.fristed.questions;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import no.fristed.common.DomainException;
import no.fristed.common.RateLimits;
import no.fristed.facts.AgeBand;
import no.fristed.facts.FactVersionView;
import no.fristed.privacy.ClientKeys;

/** Anonymous questions: ask, pick up with the code; counsellors answer; editors turn answers into Q&A pages. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionResource {

    /** A question. */
    public record AskRequest(@NotBlank @Size(max = 2000) String text,
            @Pattern(regexp = "[a-z0-9-]{1,60}", message = "must be a topic id") String topic,
            AgeBand ageBand) {
    }

    /** A pickup code, sent in the body so it never lands in a URL (browser history, proxy logs). */
    public record PickupRequest(@NotNull String pickupCode) {
    }

    /** An answer. */
    public record AnswerRequest(@NotBlank @Size(max = 4000) String text) {
    }

    /** Where and under what title an answered question becomes a public page. */
    public record PublishRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}", message = "must be a lower-case slug") String slug,
            @NotBlank @Size(max = 200) String title) {
    }

    private static final String NOT_FOUND = "No question has this code (codes stop working when the question is deleted)";

    private final QuestionService questions;
    private final RateLimits limits;
    private final ClientKeys clientKeys;
    private final SecurityIdentity identity;
    private final RateLimits.Limit askLimit;
    private final RateLimits.Limit pickupLimit;

    QuestionResource(QuestionService questions, RateLimits limits, ClientKeys clientKeys, SecurityIdentity identity,
            QuestionsConfig config) {
        this.questions = questions;
        this.limits = limits;
        this.clientKeys = clientKeys;
        this.identity = identity;
        this.askLimit = new RateLimits.Limit("question-ask", config.askLimit(), Duration.ofHours(1));
        this.pickupLimit = new RateLimits.Limit("question-pickup", config.pickupLimit(), Duration.ofMinutes(10));
    }

    @POST
    @Path("questions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ask(@NotNull @Valid AskRequest request, @Context HttpServerRequest http) {
        limits.take(askLimit, clientKeys.of(http.remoteAddress().hostAddress()), "Too many questions from this network");
        String session = !identity.isAnonymous() && identity.hasRole("youth") ? identity.getPrincipal().getName() : null;
        return Response.status(Response.Status.CREATED)
                .entity(questions.ask(request.text(), request.topic(), request.ageBand(), session)).build();
    }

    /** Every lookup counts against the limit, so guessing codes is slow; a wrong code looks like a deleted one. */
    @POST
    @Path("questions/pickup")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuestionService.Pickup pickup(@NotNull @Valid PickupRequest request, @Context HttpServerRequest http) {
        limits.take(pickupLimit, clientKeys.of(http.remoteAddress().hostAddress()), "Too many look-ups; wait a little");
        String code = request.pickupCode();
        if (code.length() > 40) {
            throw DomainException.NotFound.of(NOT_FOUND);
        }
        return questions.pickup(code).orElseThrow(() -> DomainException.NotFound.of(NOT_FOUND));
    }

    @GET
    @Path("counsellor/questions")
    @RolesAllowed("counsellor")
    public List<QuestionService.Item> queue() {
        return questions.queue();
    }

    @POST
    @Path("counsellor/questions/{id}/claim")
    @RolesAllowed("counsellor")
    public QuestionService.Item claim(@PathParam("id") String id) {
        return questions.claim(id, staff());
    }

    @POST
    @Path("counsellor/questions/{id}/release")
    @RolesAllowed("counsellor")
    public QuestionService.Item release(@PathParam("id") String id) {
        return questions.release(id, staff());
    }

    @POST
    @Path("counsellor/questions/{id}/answer")
    @RolesAllowed("counsellor")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuestionService.Item answer(@PathParam("id") String id, @NotNull @Valid AnswerRequest answer) {
        return questions.answer(id, staff(), answer.text());
    }

    @GET
    @Path("editor/questions")
    @RolesAllowed({"editor", "supervisor"})
    public List<QuestionService.Item> answered() {
        return questions.answered();
    }

    @POST
    @Path("editor/questions/{id}/publish")
    @RolesAllowed("editor")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@PathParam("id") String id, @NotNull @Valid PublishRequest request) {
        FactVersionView draft = questions.draftPublicPage(id, request.slug(), request.title(), staff());
        return Response.status(Response.Status.CREATED).entity(draft).build();
    }

    private String staff() {
        return identity.getPrincipal().getName();
    }
}
