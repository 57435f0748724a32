package no.fristed.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import no.fristed.common.FreedPages;
import no.fristed.common.RateLimits;
import no.fristed.privacy.ClientKeys;

/**
 * Anonymous youth sessions: a token whose subject is a random 128-bit id, refreshable, and deletable with
 * everything tied to it. Nothing about the caller is stored; issuance is rate-limited by a rotating keyed hash of the
 * address that never leaves memory.
 */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SecureRandom random = new SecureRandom();
    private final TokenIssuer tokens;
    private final SessionRevocations revocations;
    private final Instance<SessionDataWiper> wipers;
    private final RateLimits limits;
    private final ClientKeys clientKeys;
    private final SecurityIdentity identity;
    private final RateLimits.Limit issuance;
    private final FreedPages freedPages;

    SessionResource(TokenIssuer tokens, SessionRevocations revocations, @Any Instance<SessionDataWiper> wipers,
            FreedPages freedPages, RateLimits limits, ClientKeys clientKeys, SecurityIdentity identity,
            AccessConfig config) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.wipers = wipers;
        this.freedPages = freedPages;
        this.limits = limits;
        this.clientKeys = clientKeys;
        this.identity = identity;
        this.issuance = new RateLimits.Limit("session-issue", config.sessions().issueLimit(), Duration.ofHours(1));
    }

    @POST
    public Response create(@Context HttpServerRequest request) {
        limits.take(issuance, clientKeys.of(request.remoteAddress().hostAddress()),
                "Too many new sessions from this network; try again later");
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Response.status(Response.Status.CREATED).entity(tokens.youth(HexFormat.of().formatHex(id))).build();
    }

    @POST
    @Path("refresh")
    @RolesAllowed(TokenIssuer.YOUTH)
    public TokenIssuer.IssuedToken refresh() {
        return tokens.youth(identity.getPrincipal().getName());
    }

    @DELETE
    @Path("me")
    @RolesAllowed(TokenIssuer.YOUTH)
    public Response deleteEverything() {
        String sessionId = identity.getPrincipal().getName();
        // Revoked first, so that no socket of the session, on any instance, can start something the wipe would miss.
        // The newest token of the session can live at most one lifetime from now.
        revocations.revoke(sessionId, tokens.youthTokenExpiryFromNow());
        wipers.forEach(wiper -> wiper.wipe(sessionId));
        freedPages.overwrite();
        return Response.noContent().build();
    }
}
