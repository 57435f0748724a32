package no.fristed.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Lets the app check a text for personal data before sending it anywhere, so it can say "you don't need to share
 * this". The text is neither stored nor logged.
 */
@Path("/api/v1/privacy/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    /** The text to check. */
    public record CheckRequest(@NotNull @Size(max = 10_000) String text) {
    }

    private final PrivacyGuard guard;

    PrivacyResource(PrivacyGuard guard) {
        this.guard = guard;
    }

    @POST
    public PrivacyGuard.Result check(@NotNull @Valid CheckRequest request) {
        return guard.check(request.text());
    }
}
