package no.fristed.privacy;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import no.fristed.common.RateLimits;

/**
 * Lets the app check a text for personal data before sending it anywhere, so it can say "you don't need to share
 * this". The text is neither stored nor logged. Anyone may call it, so calls are rate-limited by a rotating keyed
 * hash of the address.
 */
@Path("/api/v1/privacy/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    /** The longest text one call may check. */
    public static final int MAX_TEXT = 10_000;

    /** The text to check. */
    public record CheckRequest(@NotNull @Size(max = MAX_TEXT) String text) {
    }

    private final PrivacyGuard guard;
    private final RateLimits limits;
    private final ClientKeys clientKeys;
    private final RateLimits.Limit checkLimit;

    PrivacyResource(PrivacyGuard guard, RateLimits limits, ClientKeys clientKeys,
            PrivacyConfig config) {
        this.guard = guard;
        this.limits = limits;
        this.clientKeys = clientKeys;
        this.checkLimit = new RateLimits.Limit("privacy-check", config.privacy().checkLimit(), Duration.ofMinutes(1));
    }

    @POST
    public PrivacyGuard.Result check(@NotNull @Valid CheckRequest request, @Context HttpServerRequest http) {
        limits.take(checkLimit, clientKeys.of(http.remoteAddress().hostAddress()),
                "Too many checks from this network; wait a little");
        return guard.check(request.text());
    }
}
