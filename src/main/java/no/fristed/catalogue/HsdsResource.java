package no.fristed.catalogue;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import no.fristed.common.DomainException;
import no.fristed.common.QueryParams;

/**
 * The Open Referral HSDS 3.0 API over the active catalogue, for other help-finders and municipalities: the
 * endpoints, parameters and page envelope of the specification's openapi.json.
 */
@Path("/api/v1/hsds")
@Produces(MediaType.APPLICATION_JSON)
public class HsdsResource {

    /** What the API root tells a client. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Root(String version, String profile, String openapiUrl) {
    }

    /** The query parameters every list shares, parsed. */
    private record Paging(int page, int perPage, Instant modifiedAfter, String termId) {
    }

    private final CatalogueCache cache;
    private final HsdsExport export;
    private final String profile;

    HsdsResource(CatalogueCache cache, HsdsExport export, CatalogueConfig config) {
        this.cache = cache;
        this.export = export;
        this.profile = config.hsds().profileUrl();
    }

    @GET
    public Root root(@Context UriInfo uri) {
        return new Root("3.0", profile, uri.getBaseUri().resolve("/openapi").toString());
    }

    @GET
    @Path("services")
    public HsdsExport.HsdsPage<HsdsExport.Service> services(@QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("modified_after") String modifiedAfter,
            @QueryParam("taxonomy_term_id") String termId, @QueryParam("full") String full) {
        QueryParams params = new QueryParams();
        Paging paging = paging(params, page, perPage, modifiedAfter, termId);
        boolean nested = params.flag("full", full);
        params.check();
        List<HsdsExport.Service> services = services(paging)
                .map(s -> nested ? s : s.oneToOne(true)).toList();
        return HsdsExport.HsdsPage.of(services, paging.page(), paging.perPage());
    }

    @GET
    @Path("services/{id}")
    public HsdsExport.Service service(@PathParam("id") String id) {
        return active().filter(e -> HsdsExport.serviceId(e.service().id()).equals(id)).findFirst()
                .map(export::service)
                .orElseThrow(() -> DomainException.NotFound.of("Service '" + id + "'"));
    }

    @GET
    @Path("organizations")
    public HsdsExport.HsdsPage<HsdsExport.Organization> organizations(@QueryParam("page") String page,
            @QueryParam("per_page") String perPage) {
        QueryParams params = new QueryParams();
        Paging paging = paging(params, page, perPage, null, null);
        params.check();
        List<HsdsExport.Organization> organizations = organizationsWithServices().keySet().stream()
                .map(org -> export.organization(org, null))
                .toList();
        return HsdsExport.HsdsPage.of(organizations, paging.page(), paging.perPage());
    }

    /** The organization with its active services in their one-to-one form. */
    @GET
    @Path("organizations/{id}")
    public HsdsExport.Organization organization(@PathParam("id") String id) {
        return organizationsWithServices().entrySet().stream()
                .filter(e -> HsdsExport.organizationId(e.getKey().id()).equals(id))
                .findFirst()
                .map(e -> export.organization(e.getKey(),
                        e.getValue().stream().map(s -> export.service(s).oneToOne(false)).toList()))
                .orElseThrow(() -> DomainException.NotFound.of("Organization '" + id + "'"));
    }

    @GET
    @Path("taxonomies")
    public HsdsExport.HsdsPage<HsdsExport.TaxonomyDoc> taxonomies(@QueryParam("page") String page,
            @QueryParam("per_page") String perPage) {
        QueryParams params = new QueryParams();
        Paging paging = paging(params, page, perPage, null, null);
        params.check();
        return HsdsExport.HsdsPage.of(export.taxonomies(), paging.page(), paging.perPage());
    }

    @GET
    @Path("taxonomy_terms")
    public HsdsExport.HsdsPage<HsdsExport.TaxonomyTerm> taxonomyTerms(@QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("taxonomy_id") String taxonomyId) {
        QueryParams params = new QueryParams();
        Paging paging = paging(params, page, perPage, null, null);
        params.check();
        List<HsdsExport.TaxonomyTerm> terms = export.terms().stream()
                .filter(t -> taxonomyId == null || taxonomyId.isBlank() || t.taxonomyId().equals(taxonomyId.trim()))
                .toList();
        return HsdsExport.HsdsPage.of(terms, paging.page(), paging.perPage());
    }

    @GET
    @Path("service_at_locations")
    public HsdsExport.HsdsPage<HsdsExport.ServiceAtLocation> serviceAtLocations(@QueryParam("page") String page,
            @QueryParam("per_page") String perPage, @QueryParam("modified_after") String modifiedAfter,
            @QueryParam("taxonomy_term_id") String termId) {
        QueryParams params = new QueryParams();
        Paging paging = paging(params, page, perPage, modifiedAfter, termId);
        params.check();
        List<HsdsExport.ServiceAtLocation> places = services(paging).flatMap(HsdsExport::serviceAtLocations).toList();
        return HsdsExport.HsdsPage.of(places, paging.page(), paging.perPage());
    }

    private Stream<HsdsExport.Service> services(Paging paging) {
        return active().filter(modifiedAfter(paging)).map(export::service)
                .filter(s -> paging.termId() == null || hasTerm(s, paging.termId()));
    }

    private static boolean hasTerm(HsdsExport.Service service, String termId) {
        return service.attributes().stream().anyMatch(a -> a.taxonomyTermId().equals(termId));
    }

    private static Predicate<CatalogueEntry> modifiedAfter(Paging paging) {
        return e -> paging.modifiedAfter() == null || !e.updatedAt().isBefore(paging.modifiedAfter());
    }

    private Stream<CatalogueEntry> active() {
        return cache.entries().stream().filter(CatalogueEntry::active);
    }

    /** Organizations running active services, by name, each with its services. */
    private Map<ServiceDocument.OrganizationDocument, List<CatalogueEntry>> organizationsWithServices() {
        Map<String, ServiceDocument.OrganizationDocument> byId = new LinkedHashMap<>();
        Map<ServiceDocument.OrganizationDocument, List<CatalogueEntry>> result = new LinkedHashMap<>();
        active().sorted(Comparator.comparing((CatalogueEntry e) -> e.service().organization().name())
                        .thenComparing(e -> e.service().organization().id()))
                .forEach(e -> {
                    ServiceDocument.OrganizationDocument org = byId.computeIfAbsent(e.service().organization().id(),
                            k -> e.service().organization());
                    result.computeIfAbsent(org, k -> new ArrayList<>()).add(e);
                });
        return result;
    }

    private static Paging paging(QueryParams params, String page, String perPage, String modifiedAfter, String termId) {
        Integer number = params.integer("page", page, 1, 10_000);
        Integer size = params.integer("per_page", perPage, 1, 500);
        if (termId != null && termId.length() > 100) {
            params.error("taxonomy_term_id", "must be at most 100 characters");
        }
        return new Paging(number == null ? 1 : number, size == null ? 100 : size, instant(params, modifiedAfter),
                termId == null || termId.isBlank() || termId.length() > 100 ? null : termId.trim());
    }

    /** A date-time with offset (2026-01-31T12:00:00Z) or a date, which counts from its start in Europe/Oslo. */
    private static Instant instant(QueryParams params, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(raw.trim()).atStartOfDay(OpeningHours.OSLO).toInstant();
            } catch (DateTimeParseException notDate) {
                return params.error("modified_after", "must be a date-time with offset (2026-01-31T12:00:00Z) or a date (2026-01-31)");
            }
        }
    }
}
