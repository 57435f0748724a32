package no.fristed.catalogue;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Maps catalogue entries to Open Referral HSDS 3.0 objects. Ids are name-based UUIDs derived from Fristed's ids, so
 * they are stable across exports; the Norwegian youth profile travels as HSDS attributes whose taxonomy terms are
 * listed at /api/v1/hsds/taxonomy_terms.
 */
@ApplicationScoped
public class HsdsExport {

    static final String YOUTH_TAXONOMY = "fristed-youth";
    static final String TOPIC_TAXONOMY = "fristed-topics";

    /** An HSDS service; the related lists are null (left out) in the one-to-one form the list endpoints give. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(String id, String organizationId, String name, String alternateName, String description,
            String url, String email, String status, String feesDescription, String eligibilityDescription,
            Integer minimumAge, Integer maximumAge, String assuredDate, String lastModified, Organization organization,
            List<Phone> phones, List<Schedule> schedules, List<ServiceArea> serviceAreas,
            List<ServiceAtLocation> serviceAtLocations, List<Language> languages, List<Attribute> attributes) {

        Service oneToOne(boolean withOrganization) {
            return new Service(id, organizationId, name, alternateName, description, url, email, status,
                    feesDescription, eligibilityDescription, minimumAge, maximumAge, assuredDate, lastModified,
                    withOrganization ? organization : null, null, null, null, null, null, null);
        }
    }

    /** An HSDS organization; {@code services} only in the single-organization form. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Organization(String id, String name, String description, String email, String website,
            List<Service> services) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Phone(String id, String serviceId, String number, String type, String description) {
    }

    /** Weekly opening hours; times are Europe/Oslo wall-clock, timezone the UTC offset in force when exported. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Schedule(String id, String serviceId, String freq, String byday, String opensAt, String closesAt,
            String validFrom, String validTo, Integer timezone, String description) {
    }

    /** A municipality served, by its SSB code (KLASS 131) as the extent; or all of Norway. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceArea(String id, String serviceId, String name, String description, String extent, String extentType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceAtLocation(String id, String serviceId, String locationId, Location location, Service service) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Location(String id, String locationType, String name, String description, Double latitude, Double longitude,
            List<Address> addresses) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Address(String id, String locationId, String address1, String city, String stateProvince,
            String postalCode, String country, String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Language(String id, String serviceId, String name, String code) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Attribute(String id, String linkId, String linkType, String linkEntity, String value, String taxonomyTermId,
            TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaxonomyTerm(String id, String code, String name, String description, String taxonomy,
            String taxonomyId, String language) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaxonomyDoc(String id, String name, String description, String version) {
    }

    /** The HSDS 3.0 API page envelope. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HsdsPage<T>(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage,
            boolean lastPage, boolean empty, List<T> contents) {

        static <T> HsdsPage<T> of(List<T> all, int pageNumber, int perPage) {
            int totalPages = Math.max(1, (all.size() + perPage - 1) / perPage);
            List<T> contents = all.stream().skip((long) (pageNumber - 1) * perPage).limit(perPage).toList();
            return new HsdsPage<>(all.size(), totalPages, pageNumber, contents.size(), pageNumber == 1,
                    pageNumber >= totalPages, contents.isEmpty(), contents);
        }
    }

    private static final Map<String, String> LANGUAGE_NAMES = Map.of("nb", "Norsk bokmål", "nn", "Norsk nynorsk",
            "en", "English", "se", "Davvisámegiella", "uk", "Українська", "ar", "العربية", "so", "Soomaali",
            "pl", "Polski");

    /** The youth profile's attributes, each with what its value means. */
    private static final Map<String, String> YOUTH_TERMS = Map.ofEntries(
            Map.entry("fristedId", "The service's id in Fristed (GET /api/v1/services/{id})"),
            Map.entry("anonymous", "Whether a young person can make contact without giving their name: yes, partly or no"),
            Map.entry("referralRequired", "true when a referral (for example from a GP) is needed"),
            Map.entry("dropIn", "true when one can come without an appointment"),
            Map.entry("acceptsContactAboutOthers", "true when one can get help about someone else's use"),
            Map.entry("forRelatives", "true when the service is for family and friends"),
            Map.entry("soberRequired", "true when one must be sober to come"),
            Map.entry("track", "The track the service belongs to: voluntary help, health care, child welfare, police or emergency"),
            Map.entry("whatHappens", "In plain words: what happens when you contact the service, and who is told"),
            Map.entry("lastVerified", "The date an editor last checked the entry with the service"));

    private final Taxonomy taxonomy;
    private final Clock clock;
    private final List<TaxonomyTerm> terms;
    private final Map<String, TaxonomyTerm> termsByKey;

    HsdsExport(Taxonomy taxonomy, Clock clock) {
        this.taxonomy = taxonomy;
        this.clock = clock;
        this.terms = terms(taxonomy);
        this.termsByKey = terms.stream().collect(Collectors.toMap(t -> t.taxonomy() + "/" + t.code(), Function.identity()));
    }

    public List<TaxonomyDoc> taxonomies() {
        return List.of(
                new TaxonomyDoc(uuid("taxonomy", YOUTH_TAXONOMY), YOUTH_TAXONOMY,
                        "Fristed's Norwegian youth profile: what a young person needs to know before making contact", "1"),
                new TaxonomyDoc(uuid("taxonomy", TOPIC_TAXONOMY), TOPIC_TAXONOMY,
                        "The topics young people search Fristed's help services by (GET /api/v1/topics)", "1"));
    }

    public List<TaxonomyTerm> terms() {
        return terms;
    }

    public Service service(CatalogueEntry entry) {
        ServiceDocument s = entry.service();
        String id = serviceId(s.id());
        List<Phone> phones = new ArrayList<>();
        for (int i = 0; i < s.channels().size(); i++) {
            Channel c = s.channels().get(i);
            if (c.type() == ChannelType.PHONE || c.type() == ChannelType.SMS) {
                phones.add(new Phone(uuid("phone", s.id() + "/" + i), id, withoutScheme(c.value()),
                        c.type() == ChannelType.SMS ? "text" : "voice", c.description()));
            }
        }
        int offsetHours = OpeningHours.OSLO.getRules().getOffset(clock.instant()).getTotalSeconds() / 3600;
        List<Schedule> schedules = new ArrayList<>();
        for (int i = 0; i < s.schedules().size(); i++) {
            ServiceDocument.ScheduleRule r = s.schedules().get(i);
            schedules.add(new Schedule(uuid("schedule", s.id() + "/" + i), id, "WEEKLY",
                    r.byday().stream().map(Weekday::code).collect(Collectors.joining(",")), r.opensAt().toString(),
                    r.closesAt().toString(), text(r.validFrom()), text(r.validTo()), offsetHours,
                    r.description() == null ? "Europe/Oslo" : r.description() + " (Europe/Oslo)"));
        }
        List<ServiceArea> areas = s.national()
                ? List.of(new ServiceArea(uuid("area", s.id() + "/NO"), id, "Norge", "Hele landet", null, null))
                : s.municipalities().stream().flatMap(m -> taxonomy.municipality(m).stream())
                        .map(m -> new ServiceArea(uuid("area", s.id() + "/" + m.code()), id, m.name(),
                                "Kommunenummer " + m.code() + " (SSB KLASS 131)", m.code(), "text"))
                        .toList();
        List<ServiceAtLocation> places = s.locations().stream()
                .map(l -> new ServiceAtLocation(uuid("service-at-location", s.id() + "@" + l.id()), id,
                        uuid("location", l.id()), location(l), null))
                .toList();
        List<Language> languages = s.languages().stream()
                .map(code -> new Language(uuid("language", s.id() + "/" + code), id,
                        LANGUAGE_NAMES.getOrDefault(code, code), code))
                .toList();
        String url = s.channels().stream().filter(c -> c.type() == ChannelType.WEB || c.type() == ChannelType.CHAT)
                .map(Channel::value).filter(v -> v.startsWith("https:")).findFirst().orElse(s.url());
        String email = s.channels().stream().filter(c -> c.type() == ChannelType.EMAIL)
                .map(c -> withoutScheme(c.value())).filter(v -> v.matches("[^@\\s]+@[^@\\s]+")).findFirst().orElse(null);
        ServiceDocument.Eligibility eligibility = s.eligibility();
        return new Service(id, organizationId(s.organization().id()), s.name(), s.alternateName(), s.description(),
                url, email, entry.active() ? "active" : "defunct", s.cost(),
                eligibility == null ? null : eligibility.description(),
                eligibility == null ? null : eligibility.minAge(), eligibility == null ? null : eligibility.maxAge(),
                text(s.lastVerified()), entry.updatedAt().toString(), organization(s.organization(), null),
                phones, schedules, areas, places, languages, attributes(s, id));
    }

    /** Every place of the (fully nested) service, each with the service in its one-to-one form. */
    static Stream<ServiceAtLocation> serviceAtLocations(Service service) {
        return service.serviceAtLocations().stream()
                .map(sal -> new ServiceAtLocation(sal.id(), sal.serviceId(), sal.locationId(), sal.location(),
                        service.oneToOne(true)));
    }

    /** An organization; HSDS requires a description, so one without gets its name. */
    public Organization organization(ServiceDocument.OrganizationDocument org, List<Service> services) {
        return new Organization(organizationId(org.id()), org.name(),
                org.description() == null || org.description().isBlank() ? org.name() : org.description(),
                org.email(), org.website(), services);
    }

    public Optional<TaxonomyTerm> term(String taxonomyName, String code) {
        return Optional.ofNullable(termsByKey.get(taxonomyName + "/" + code));
    }

    static String serviceId(String fristedId) {
        return uuid("service", fristedId);
    }

    static String organizationId(String fristedId) {
        return uuid("organization", fristedId);
    }

    static String uuid(String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + key).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A street address only where the postal code is known (HSDS requires one); otherwise it goes in the description. */
    private Location location(ServiceDocument.LocationDocument l) {
        String locationId = uuid("location", l.id());
        String county = taxonomy.municipality(l.municipality()).map(Taxonomy.Municipality::county).orElse(l.municipality());
        boolean complete = l.address() != null && l.postalCode() != null;
        List<Address> addresses = complete ? List.of(new Address(uuid("address", l.id()), locationId, l.address(),
                l.municipality(), county, l.postalCode(), "NO", "physical")) : List.of();
        String description = l.address() != null && !complete ? l.address() + ", " + l.municipality() : null;
        return new Location(locationId, "physical", l.name(), description, l.latitude(), l.longitude(), addresses);
    }

    private List<Attribute> attributes(ServiceDocument s, String serviceId) {
        List<Attribute> attributes = new ArrayList<>();
        youth(attributes, s, serviceId, "fristedId", s.id());
        youth(attributes, s, serviceId, "anonymous", s.anonymous().code());
        youth(attributes, s, serviceId, "referralRequired", s.referralRequired());
        youth(attributes, s, serviceId, "dropIn", s.dropIn());
        youth(attributes, s, serviceId, "acceptsContactAboutOthers", s.acceptsContactAboutOthers());
        youth(attributes, s, serviceId, "forRelatives", s.forRelatives());
        youth(attributes, s, serviceId, "soberRequired", s.soberRequired());
        youth(attributes, s, serviceId, "track", s.track().code());
        youth(attributes, s, serviceId, "whatHappens", s.whatHappens());
        youth(attributes, s, serviceId, "lastVerified", text(s.lastVerified()));
        for (int i = 0; i < s.channels().size(); i++) {
            Channel c = s.channels().get(i);
            attributes.add(attribute(s.id(), "channel/" + i, serviceId, c.value(),
                    termsByKey.get(YOUTH_TAXONOMY + "/channel:" + c.type().code())));
        }
        s.topics().forEach(topic -> term(TOPIC_TAXONOMY, topic).ifPresent(term ->
                attributes.add(attribute(s.id(), "topic/" + topic, serviceId, topic, term))));
        return attributes;
    }

    private void youth(List<Attribute> attributes, ServiceDocument s, String serviceId, String code, Object value) {
        if (value != null) {
            attributes.add(attribute(s.id(), code, serviceId, value.toString(), termsByKey.get(YOUTH_TAXONOMY + "/" + code)));
        }
    }

    private static Attribute attribute(String fristedId, String key, String serviceId, String value, TaxonomyTerm term) {
        return new Attribute(uuid("attribute", fristedId + "/" + key), serviceId, "service", "service", value,
                term.id(), term);
    }

    private static List<TaxonomyTerm> terms(Taxonomy taxonomy) {
        List<TaxonomyTerm> terms = new ArrayList<>();
        String youthId = uuid("taxonomy", YOUTH_TAXONOMY);
        YOUTH_TERMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                terms.add(term(YOUTH_TAXONOMY, youthId, e.getKey(), e.getKey(), e.getValue(), "en")));
        for (ChannelType type : ChannelType.values()) {
            String code = "channel:" + type.code();
            terms.add(term(YOUTH_TAXONOMY, youthId, code, code,
                    "A way to make contact (" + type.code() + "); the value is the number, address or place", "en"));
        }
        String topicsId = uuid("taxonomy", TOPIC_TAXONOMY);
        taxonomy.topics().forEach(topic -> terms.add(term(TOPIC_TAXONOMY, topicsId, topic.id(),
                topic.label().getOrDefault("nb", topic.id()),
                "Tema: " + topic.label().getOrDefault("nb", topic.id())
                        + Optional.ofNullable(topic.label().get("en")).map(en -> " (" + en + ")").orElse(""), "nb")));
        return List.copyOf(terms);
    }

    private static TaxonomyTerm term(String taxonomyName, String taxonomyId, String code, String name,
            String description, String language) {
        return new TaxonomyTerm(uuid("term", taxonomyName + "/" + code), code, name, description, taxonomyName,
                taxonomyId, language);
    }

    private static String withoutScheme(String value) {
        return value.replaceFirst("^(?i)(tel|sms|mailto):", "");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
