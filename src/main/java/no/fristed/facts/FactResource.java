package no.fristed.facts;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import no.fristed.common.DomainException;
import no.fristed.common.QueryParams;

/**
 * Fact pages for everyone: list, read one (in the reader's language and age band), search, and the offline bundle
 * that lets the app read any page without the server learning which.
 */
@Path("/api/v1/facts")
@Produces(MediaType.APPLICATION_JSON)
public class FactResource {

    private static final int MAX_AGE_SECONDS = 300;

    private final FactLibrary library;
    private final FactSnippets snippets;
    private final Clock clock;

    FactResource(FactLibrary library, FactSnippets snippets, Clock clock) {
        this.library = library;
        this.snippets = snippets;
        this.clock = clock;
    }

    @GET
    public List<FactViews.FactMeta> list(@QueryParam("lang") String lang, @QueryParam("age") String age,
            @QueryParam("ageBand") String ageBand, @QueryParam("kind") String kind, @QueryParam("topic") String topic,
            @Context HttpHeaders headers) {
        QueryParams params = new QueryParams();
        AgeBand band = band(params, age, ageBand);
        FactKind wanted = params.code("kind", kind, FactKind.class);
        params.check();
        return library.all(Languages.chain(lang, headers.getAcceptableLanguages()), clock.instant()).stream()
                .filter(f -> band == null || f.content().audience().contains(band))
                .filter(f -> wanted == null || f.content().kind() == wanted)
                .filter(f -> topic == null || f.content().topics().contains(topic) || f.content().substances().contains(topic))
                .map(FactViews.FactMeta::of)
                .toList();
    }

    @GET
    @Path("{slug}")
    public Response read(@PathParam("slug") String slug, @QueryParam("lang") String lang, @QueryParam("age") String age,
            @QueryParam("ageBand") String ageBand, @Context HttpHeaders headers, @Context Request request) {
        QueryParams params = new QueryParams();
        AgeBand asked = band(params, age, ageBand);
        params.check();
        PublishedFact fact = library.find(slug, Languages.chain(lang, headers.getAcceptableLanguages()), clock.instant())
                .orElseThrow(() -> DomainException.NotFound.of("Fact page '" + slug + "'"));
        AgeBand band = asked == null ? fact.defaultBand() : asked;
        if (!fact.content().audience().contains(band)) {
            throw DomainException.NotFound.of("Fact page '" + slug + "' for age " + band.code());
        }
        EntityTag tag = new EntityTag(PublishedFact.hash(fact.pageId() + "#" + fact.version() + "#" + band.code()
                + "#" + snippets.fingerprint()));
        return cached(request, tag,
                () -> new FactViews.FactView(FactViews.FactMeta.of(fact), FactViews.Variant.of(fact, band)));
    }

    @GET
    @Path("bundle")
    public Response bundle(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context Request request) {
        List<String> languages = Languages.chain(lang, headers.getAcceptableLanguages());
        List<PublishedFact> facts = library.all(languages, clock.instant());
        EntityTag tag = new EntityTag(PublishedFact.hash(languages.get(0) + "|" + snippets.fingerprint() + "|" + facts.stream()
                .map(f -> f.pageId() + "#" + f.version()).collect(Collectors.joining(","))));
        return cached(request, tag, () -> new FactViews.Bundle(languages.get(0), facts.size(), facts.stream()
                .map(f -> new FactViews.BundlePage(FactViews.FactMeta.of(f),
                        f.content().audience().stream().sorted().map(b -> FactViews.Variant.of(f, b)).toList()))
                .toList()));
    }

    /** The answer comes as JSON already written, so a kept answer is sent as it is. */
    @GET
    @Path("search")
    public byte[] search(@QueryParam("q") String q, @QueryParam("lang") String lang,
            @QueryParam("age") String age, @QueryParam("ageBand") String ageBand, @QueryParam("limit") String limit,
            @Context HttpHeaders headers) {
        QueryParams params = new QueryParams();
        if (q == null || q.isBlank()) {
            params.error("q", "must not be empty");
        } else if (q.length() > 200) {
            params.error("q", "must be at most 200 characters");
        }
        AgeBand band = band(params, age, ageBand);
        Integer max = params.integer("limit", limit, 1, 50);
        params.check();
        return library.searchJson(q, Languages.chain(lang, headers.getAcceptableLanguages()), band,
                max == null ? 10 : max, clock.instant());
    }

    private static AgeBand band(QueryParams params, String age, String ageBand) {
        AgeBand band = params.code("ageBand", ageBand, AgeBand.class);
        Integer years = params.integer("age", age, 0, 120);
        return band != null || years == null ? band : AgeBand.forAge(years);
    }

    private static Response cached(Request request, EntityTag tag, java.util.function.Supplier<Object> body) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(body.get());
        return response.tag(tag).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
