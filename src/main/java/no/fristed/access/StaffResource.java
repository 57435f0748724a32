package no.fristed.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.util.List;

/** Staff log-in for the embedded default, and account management for admins. */
@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    /** Log-in details. */
    public record Login(@NotBlank @Size(max = 80) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** A new staff member. Passwords need at least 12 characters. */
    public record NewStaff(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,79}", message = "must be 2-80 lower-case letters, digits, dots, dashes or underscores") String username,
            @NotBlank @Size(min = StaffService.MIN_PASSWORD_LENGTH, max = 200) String password,
            @NotEmpty List<@NotNull StaffRole> roles) {
    }

    /** A member's own password change. */
    public record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(min = 12, max = 200) String newPassword) {
    }

    private final StaffService staff;
    private final SecurityIdentity identity;

    StaffResource(StaffService staff, SecurityIdentity identity) {
        this.staff = staff;
        this.identity = identity;
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenIssuer.IssuedToken login(@NotNull @Valid Login login, @Context HttpServerRequest request) {
        return staff.login(login.username(), login.password(), request.remoteAddress().hostAddress());
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewStaff account) {
        return Response.status(Response.Status.CREATED)
                .entity(staff.create(account.username(), account.password(), account.roles(),
                        identity.getPrincipal().getName()))
                .build();
    }

    @GET
    @RolesAllowed("admin")
    public List<StaffService.StaffView> list() {
        return staff.list();
    }

    @POST
    @Path("me/password")
    @RolesAllowed({"counsellor", "editor", "supervisor", "admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenIssuer.IssuedToken changePassword(@NotNull @Valid PasswordChange change,
            @Context HttpServerRequest request) {
        return staff.changePassword(identity.getPrincipal().getName(), change.currentPassword(), change.newPassword(),
                request.remoteAddress().hostAddress());
    }

    @POST
    @Path("{username}/logout-everywhere")
    @RolesAllowed("admin")
    public Response logOutEverywhere(@PathParam("username") String username) {
        staff.logOutEverywhere(username);
        return Response.noContent().build();
    }

    @POST
    @Path("{username}/deactivate")
    @RolesAllowed("admin")
    public StaffService.StaffView deactivate(@PathParam("username") String username) {
        return staff.deactivate(username);
    }
}
