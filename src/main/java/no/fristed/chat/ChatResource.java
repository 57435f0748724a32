package no.fristed.chat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Chat numbers over REST: whether the chat is open (for everyone) and live figures for supervisors. */
@Path("/api/v1/chat")
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    private final ChatNumbers numbers;

    ChatResource(ChatNumbers numbers) {
        this.numbers = numbers;
    }

    @GET
    @Path("status")
    public ChatNumbers.PublicStatus status() {
        return numbers.publicStatus();
    }

    @GET
    @Path("live")
    @RolesAllowed({"supervisor", "admin"})
    public ChatNumbers.LiveNumbers live() {
        return numbers.live();
    }
}
