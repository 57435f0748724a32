package no.fristed.chat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import no.fristed.common.Problem;
import no.fristed.common.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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

    /** Only the cluster's chat state can be out of reach (Redis down): say so, and when to try again. */
    @ServerExceptionMapper
    public Response unavailable(ChatException e) {
        return Response.fromResponse(ProblemMappers.respond(Problem.of(503, "chat-unavailable", "Chat unavailable",
                e.getMessage()))).header("Retry-After", 10).build();
    }

    @GET
    @Path("live")
    @RolesAllowed({"supervisor", "admin"})
    public Map<String, Object> live() {
        return chat.liveNumbers();
    }
}
