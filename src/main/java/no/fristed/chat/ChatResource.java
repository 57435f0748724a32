package no.fristed.chat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Chat numbers over REST: whether the chat is open (for everyone) and live figures for supervisors. */
@Path("/api/v1/chat")
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    private final ChatService chat;

    ChatResource(ChatService chat) {
        this.chat = chat;
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        return chat.publicStatus();
    }

    @GET
    @Path("live")
    @RolesAllowed({"supervisor", "admin"})
    public Map<String, Object> live() {
        return chat.liveNumbers();
    }
}
