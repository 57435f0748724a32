package no.fristed.catalogue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import no.fristed.common.QueryParams;

/** Open Referral HSDS 3.0 export of the active catalogue, for other help-finders and municipalities. */
@Path("/api/v1/hsds/services")
@Produces(MediaType.APPLICATION_JSON)
public class HsdsResource {

    private final CatalogueCache cache;
    private final Taxonomy taxonomy;

    HsdsResource(CatalogueCache cache, Taxonomy taxonomy) {
        this.cache = cache;
        this.taxonomy = taxonomy;
    }

    @GET
    public HsdsExport.HsdsPage services(@QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        QueryParams params = new QueryParams();
        Integer pageNumber = params.integer("page", page, 1, 10_000);
        Integer size = params.integer("per_page", perPage, 1, 500);
        params.check();
        int number = pageNumber == null ? 1 : pageNumber;
        int perPageSize = size == null ? 100 : size;
        List<CatalogueEntry> active = cache.entries().stream().filter(CatalogueEntry::active).toList();
        int totalPages = Math.max(1, (active.size() + perPageSize - 1) / perPageSize);
        List<HsdsExport.Service> contents = active.stream()
                .skip((long) (number - 1) * perPageSize).limit(perPageSize)
                .map(entry -> HsdsExport.service(entry, taxonomy)).toList();
        return new HsdsExport.HsdsPage(active.size(), totalPages, number, contents.size(), number == 1,
                number >= totalPages, contents.isEmpty(), contents);
    }
}
