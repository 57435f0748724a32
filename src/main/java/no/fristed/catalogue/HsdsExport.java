package no.fristed.catalogue;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maps catalogue entries to Open Referral HSDS 3.0 services. Ids are name-based UUIDs derived from Fristed's ids,
 * so they are stable across exports; the Norwegian youth profile travels as HSDS attributes.
 */
final class HsdsExport {

    static final String YOUTH_TAXONOMY = "fristed-youth";
    static final String TOPIC_TAXONOMY = "fristed-topics";

    private HsdsExport() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Service(String id, String organizationId, String name, String alternateName, String description, String url,
            String email, String status, String feesDescription, String eligibilityDescription, Integer minimumAge,
            Integer maximumAge, String lastModified, Organization organization, List<Phone> phones,
            List<Schedule> schedules, List<ServiceArea> serviceAreas, List<ServiceAtLocation> serviceAtLocations,
            List<Language> languages, List<Attribute> attributes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Organization(String id, String name, String description, String email, String website) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Phone(String id, String serviceId, String number, String type, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Schedule(String id, String serviceId, String freq, String byday, String opensAt, String closesAt,
            String validFrom, String validTo, String timezone, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    /** A municipality served, by its SSB code (KLASS 131) as the extent; or all of Norway. */
    record ServiceArea(String id, String serviceId, String name, String description, String extent, String extentType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceAtLocation(String id, String serviceId, String locationId, Location location) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Location(String id, String locationType, String name, Double latitude, Double longitude,
            List<Address> addresses) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Address(String id, String locationId, String address1, String city, String region, String stateProvince,
            String postalCode, String country, String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Language(String id, String serviceId, String name, String code) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Attribute(String id, String linkId, String linkType, String linkEntity, String value, String label,
            TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TaxonomyTerm(String id, String code, String name, String taxonomy) {
    }

    /** The HSDS 3.0 API page envelope. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HsdsPage(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage,
            boolean empty, List<Service> contents) {
    }

    private static final Map<String, String> LANGUAGE_NAMES = Map.of("nb", "Norsk bokmål", "nn", "Norsk nynorsk",
            "en", "English", "se", "Davvisámegiella", "uk", "Українська", "ar", "العربية", "so", "Soomaali",
            "pl", "Polski");

    static Service service(CatalogueEntry entry, Taxonomy taxonomy) {
        ServiceDocument s = entry.service();
        String id = uuid("service", s.id());
        String orgId = uuid("organization", s.organization().id());
        List<Phone> phones = new ArrayList<>();
        for (int i = 0; i < s.channels().size(); i++) {
            Channel c = s.channels().get(i);
            if (c.type() == ChannelType.PHONE || c.type() == ChannelType.SMS) {
                phones.add(new Phone(uuid("phone", s.id() + "/" + i), id, c.value(),
                        c.type() == ChannelType.SMS ? "text" : "voice", c.description()));
            }
        }
        List<Schedule> schedules = new ArrayList<>();
        for (int i = 0; i < s.schedules().size(); i++) {
            ServiceDocument.ScheduleRule r = s.schedules().get(i);
            schedules.add(new Schedule(uuid("schedule", s.id() + "/" + i), id, "WEEKLY",
                    r.byday().stream().map(Weekday::code).collect(Collectors.joining(",")), r.opensAt().toString(),
                    r.closesAt().toString(), text(r.validFrom()), text(r.validTo()), OpeningHours.OSLO.getId(),
                    r.description()));
        }
        List<ServiceArea> areas = s.national()
                ? List.of(new ServiceArea(uuid("area", s.id() + "/NO"), id, "Norge", "Hele landet", null, null))
                : s.municipalities().stream().flatMap(m -> taxonomy.municipality(m).stream())
                        .map(m -> new ServiceArea(uuid("area", s.id() + "/" + m.code()), id, m.name(),
                                "Kommunenummer " + m.code() + " (SSB KLASS 131)", m.code(), "text"))
                        .toList();
        List<ServiceAtLocation> places = s.locations().stream().map(l -> {
            String locationId = uuid("location", l.id());
            Location location = new Location(locationId, "physical", l.name(), l.latitude(), l.longitude(),
                    l.address() == null ? List.of() : List.of(new Address(uuid("address", l.id()), locationId,
                            l.address(), l.municipality(), null, l.municipality(), l.postalCode(), "NO", "physical")));
            return new ServiceAtLocation(uuid("service-at-location", s.id() + "@" + l.id()), id, locationId, location);
        }).toList();
        List<Language> languages = s.languages().stream()
                .map(code -> new Language(uuid("language", s.id() + "/" + code), id,
                        LANGUAGE_NAMES.getOrDefault(code, code), code))
                .toList();
        String url = s.channels().stream().filter(c -> c.type() == ChannelType.WEB).map(Channel::value).findFirst()
                .orElse(s.url());
        String email = s.channels().stream().filter(c -> c.type() == ChannelType.EMAIL).map(Channel::value)
                .findFirst().orElse(null);
        ServiceDocument.Eligibility eligibility = s.eligibility();
        return new Service(id, orgId, s.name(), s.alternateName(), s.description(), url, email,
                entry.active() ? "active" : "defunct", s.cost(),
                eligibility == null ? null : eligibility.description(),
                eligibility == null ? null : eligibility.minAge(), eligibility == null ? null : eligibility.maxAge(),
                entry.updatedAt().toString(),
                new Organization(orgId, s.organization().name(), s.organization().description(),
                        s.organization().email(), s.organization().website()),
                phones, schedules, areas, places, languages, attributes(s, id));
    }

    private static List<Attribute> attributes(ServiceDocument s, String serviceId) {
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
            attributes.add(attribute(s.id(), "channel/" + i, serviceId, c.value(), YOUTH_TAXONOMY, "channel:" + c.type().code()));
        }
        s.topics().forEach(topic -> attributes.add(attribute(s.id(), "topic/" + topic, serviceId, topic, TOPIC_TAXONOMY, topic)));
        return attributes;
    }

    private static void youth(List<Attribute> attributes, ServiceDocument s, String serviceId, String code, Object value) {
        if (value != null) {
            attributes.add(attribute(s.id(), code, serviceId, value.toString(), YOUTH_TAXONOMY, code));
        }
    }

    private static Attribute attribute(String fristedId, String key, String serviceId, String value, String taxonomy,
            String code) {
        return new Attribute(uuid("attribute", fristedId + "/" + key), serviceId, "service", "service", value, code,
                new TaxonomyTerm(uuid("term", taxonomy + "/" + code), code, code, taxonomy));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static String uuid(String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + key).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
