package no.fristed.catalogue;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.fristed.common.QueryParams;

/** Editors' list of "wrong information" reports; anyone files them through POST /api/v1/services/{id}/reports. */
@Path("/api/v1/editor/service-reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class ServiceReportResource {

    /** What the editor did about the report. */
    public record Closing(@Size(max = 1000) String note) {
    }

    private final ServiceReports reports;
    private final SecurityIdentity identity;

    ServiceReportResource(ServiceReports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"editor", "supervisor"})
    public List<ServiceReports.ReportView> list(@QueryParam("status") String status) {
        QueryParams params = new QueryParams();
        ServiceReport.Status wanted = params.code("status", status, ServiceReport.Status.class);
        params.check();
        return reports.list(wanted == null ? ServiceReport.Status.OPEN : wanted);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public ServiceReports.ReportView close(@PathParam("id") String id, @Valid Closing closing) {
        return reports.close(id, identity.getPrincipal().getName(), closing == null ? null : closing.note());
    }
}
