package no.fristed.catalogue;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import no.fristed.common.DomainException;
import no.fristed.common.QueryParams;
import no.fristed.common.RateLimits;
import no.fristed.privacy.ClientKeys;

/**
 * The help finder and "report wrong information" for everyone; editors' create, replace and retire, which wait for
 * a second editor's approval (see {@link ServiceChangeResource}).
 */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceResource {

    /** What is wrong with an entry, in the reporter's words. */
    public record ReportRequest(@NotBlank @Size(max = 2000) String text) {
    }

    private final CatalogueSearch search;
    private final CatalogueReview review;
    private final ServiceReports reports;
    private final Taxonomy taxonomy;
    private final SecurityIdentity identity;
    private final RateLimits limits;
    private final ClientKeys clientKeys;
    private final RateLimits.Limit reportLimit;
    private final int maxPageSize;

    ServiceResource(CatalogueSearch search, CatalogueReview review, ServiceReports reports, Taxonomy taxonomy,
            SecurityIdentity identity, RateLimits limits, ClientKeys clientKeys,
            CatalogueConfig config) {
        this.search = search;
        this.review = review;
        this.reports = reports;
        this.taxonomy = taxonomy;
        this.identity = identity;
        this.limits = limits;
        this.clientKeys = clientKeys;
        this.reportLimit = new RateLimits.Limit("service-report", config.catalogue().reportLimit(), Duration.ofHours(1));
        this.maxPageSize = config.search().maxPageSize();
    }

    /** The answer comes as JSON already written, so a kept answer is sent as it is. */
    @GET
    public byte[] search(@QueryParam("municipality") String municipality, @QueryParam("lat") String lat,
            @QueryParam("lon") String lon, @QueryParam("topic") String topic, @QueryParam("age") String age,
            @QueryParam("openNow") String openNow, @QueryParam("anonymousOnly") String anonymousOnly,
            @QueryParam("channel") String channel, @QueryParam("language") String language,
            @QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size) {
        QueryParams params = new QueryParams();
        Taxonomy.Municipality place = municipality == null || municipality.isBlank() ? null
                : taxonomy.municipality(municipality).orElseGet(() -> params.error("municipality",
                        unknownMunicipality(taxonomy.municipalitySuggestions(municipality))));
        Double latitude = params.decimal("lat", lat, -90, 90);
        Double longitude = params.decimal("lon", lon, -180, 180);
        if (blank(lat) != blank(lon)) {
            params.error(blank(lat) ? "lat" : "lon", "lat and lon must be given together");
        }
        if (!blank(topic) && !taxonomy.isTopic(topic.trim())) {
            params.error("topic", "unknown topic (see GET /api/v1/topics)");
        }
        if (!blank(language) && !language.trim().matches("[a-z]{2,3}")) {
            params.error("language", "must be an ISO 639 language code such as nb or en");
        }
        if (text != null && text.length() > 200) {
            params.error("q", "must be at most 200 characters");
        }
        ServiceQuery query = new ServiceQuery(place, latitude, longitude, blank(topic) ? null : topic.trim(),
                params.integer("age", age, 0, 120), params.flag("openNow", openNow),
                params.flag("anonymousOnly", anonymousOnly), params.code("channel", channel, ChannelType.class),
                blank(language) ? null : language.trim(), blank(text) ? null : text.trim(),
                orDefault(params.integer("page", page, 0, 10_000), 0),
                orDefault(params.integer("size", size, 1, maxPageSize), 20));
        params.check();
        return search.searchJson(query);
    }

    private static String unknownMunicipality(List<String> suggestions) {
        return suggestions.isEmpty() ? "unknown municipality: give a name or 4-digit code from GET /api/v1/municipalities"
                : "unknown or ambiguous municipality; did you mean " + String.join(" or ", suggestions) + "?";
    }

    @GET
    @Path("{id}")
    public ServiceView get(@PathParam("id") String id) {
        return search.find(id).orElseThrow(() -> DomainException.NotFound.of("Service '" + id + "'"));
    }

    @POST
    @RolesAllowed("editor")
    public Response create(@NotNull @Valid ServiceDocument document) {
        return inReview(review.proposeCreate(document, editor()));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("editor")
    public Response replace(@PathParam("id") String id, @NotNull @Valid ServiceDocument document) {
        return inReview(review.proposeReplace(id, document, editor()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    public Response retire(@PathParam("id") String id) {
        return inReview(review.proposeRetire(id, editor()));
    }

    /** No log-in and nothing about the reporter is kept; the network address only feeds a rotating-key rate limit. */
    @POST
    @Path("{id}/reports")
    public Response report(@PathParam("id") String id, @NotNull @Valid ReportRequest request,
            @Context HttpServerRequest http) {
        limits.take(reportLimit, clientKeys.of(http.remoteAddress().hostAddress()), "Too many reports from this network");
        return Response.status(Response.Status.CREATED).entity(reports.report(id, request.text())).build();
    }

    private static Response inReview(CatalogueReview.ChangeView change) {
        return Response.accepted(change).location(URI.create("/api/v1/editor/service-changes/" + change.id())).build();
    }

    private String editor() {
        return identity.getPrincipal().getName();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
