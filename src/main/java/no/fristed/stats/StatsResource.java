package no.fristed.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import no.fristed.common.QueryParams;

/** Anonymous statistics for supervisors and admins, as JSON or CSV. */
@Path("/api/v1/stats")
@RolesAllowed({"supervisor", "admin"})
public class StatsResource {

    private static final int MAX_DAYS = 731;

    private final StatsService stats;
    private final Clock clock;

    StatsResource(StatsService stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StatsService.Report json(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("period") String period) {
        return report(from, to, period);
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public String csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("period") String period) {
        return StatsService.csv(report(from, to, period));
    }

    private StatsService.Report report(String from, String to, String period) {
        QueryParams params = new QueryParams();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Oslo")));
        LocalDate end = date(params, "to", to, today);
        LocalDate start = date(params, "from", from, end.minusDays(29));
        StatsService.Period grouping = params.code("period", period, StatsService.Period.class);
        if (start != null && end != null && (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end))) {
            params.error("from", "must be on or before to, and at most two years before it");
        }
        params.check();
        return stats.report(start, end, grouping == null ? StatsService.Period.DAY : grouping);
    }

    private static LocalDate date(QueryParams params, String name, String raw, LocalDate fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            return params.error(name, "must be a date like 2026-11-24");
        }
    }
}
