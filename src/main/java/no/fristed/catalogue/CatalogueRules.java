package no.fristed.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.fristed.common.Problem.FieldError;

/** The checks on a service document that span fields or need the taxonomy; Bean Validation does the rest. */
@ApplicationScoped
public class CatalogueRules {

    private final Taxonomy taxonomy;

    CatalogueRules(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public List<FieldError> violations(ServiceDocument doc) {
        List<FieldError> errors = new ArrayList<>();
        doc.topics().forEach(topic -> {
            if (!taxonomy.isTopic(topic)) {
                errors.add(new FieldError("topics", "'" + topic + "' is not a known topic (see GET /api/v1/topics)"));
            }
        });
        doc.municipalities().forEach(name -> checkMunicipality("municipalities", name, errors));
        checkCoverage(doc, errors);
        if (doc.track() == Track.MAY_REPORT && Boolean.FALSE.equals(doc.dutyToInformBarnevern())) {
            errors.add(new FieldError("dutyToInformBarnevern", "a may-report service informs barnevern; it cannot be false"));
        }
        ServiceDocument.Eligibility eligibility = doc.eligibility();
        if (eligibility != null && eligibility.minAge() != null && eligibility.maxAge() != null
                && eligibility.minAge() > eligibility.maxAge()) {
            errors.add(new FieldError("eligibility.maxAge", "must not be below minAge"));
        }
        Set<String> locationIds = new HashSet<>();
        List<ServiceDocument.LocationDocument> locations = doc.locations();
        for (int i = 0; i < locations.size(); i++) {
            ServiceDocument.LocationDocument location = locations.get(i);
            String field = "locations[" + i + "]";
            checkMunicipality(field + ".municipality", location.municipality(), errors);
            if ((location.latitude() == null) != (location.longitude() == null)) {
                errors.add(new FieldError(field, "latitude and longitude go together"));
            }
            if (!locationIds.add(location.id())) {
                errors.add(new FieldError(field + ".id", "'" + location.id() + "' is listed twice"));
            }
        }
        links(doc, errors);
        List<ServiceDocument.ScheduleRule> rules = doc.schedules();
        for (int i = 0; i < rules.size(); i++) {
            ServiceDocument.ScheduleRule rule = rules.get(i);
            if (rule.validFrom() != null && rule.validTo() != null && rule.validTo().isBefore(rule.validFrom())) {
                errors.add(new FieldError("schedules[" + i + "].validTo", "must not be before validFrom"));
            }
        }
        List<ServiceDocument.ScheduleException> exceptions = doc.exceptions();
        for (int i = 0; i < exceptions.size(); i++) {
            ServiceDocument.ScheduleException exception = exceptions.get(i);
            if ((exception.opensAt() == null) != (exception.closesAt() == null)) {
                errors.add(new FieldError("exceptions[" + i + "]",
                        "give both opensAt and closesAt, or neither for a closed day"));
            }
        }
        return errors;
    }

    private static void checkCoverage(ServiceDocument doc, List<FieldError> errors) {
        if (doc.coverage() == ServiceDocument.Coverage.EVERY_MUNICIPALITY) {
            if (doc.national() || !doc.municipalities().isEmpty() || !doc.locations().isEmpty()) {
                errors.add(new FieldError("coverage",
                        "a service in every municipality is neither national nor tied to municipalities or locations"));
            }
            if (doc.localAccess() == null || doc.localAccess().isBlank()) {
                errors.add(new FieldError("localAccess", "say how to reach the service where you live"));
            }
        } else if (!doc.national() && doc.municipalities().isEmpty() && doc.locations().isEmpty()) {
            errors.add(new FieldError("municipalities", "a service that is not national needs municipalities or locations"));
        }
        if (!doc.districts().isEmpty() && doc.municipalities().size() != 1) {
            errors.add(new FieldError("districts", "districts are parts of one municipality: list exactly one municipality"));
        }
    }

    private static void links(ServiceDocument doc, List<FieldError> errors) {
        LinkSchemes.requireLink("url", doc.url(), errors);
        if (doc.organization() != null) {
            LinkSchemes.requireLink("organization.website", doc.organization().website(), errors);
        }
        // A web channel may say in words where to look ("Søk opp … på nettet"); only actual links are checked.
        List<Channel> channels = doc.channels();
        for (int i = 0; i < channels.size(); i++) {
            LinkSchemes.checkIfLink("channels[" + i + "].value", channels.get(i).value(), errors);
        }
    }

    private void checkMunicipality(String field, String name, List<FieldError> errors) {
        if (!taxonomy.isOfficialMunicipalityName(name)) {
            errors.add(new FieldError(field, "'" + name + "' is not a known municipality (see GET /api/v1/municipalities)"));
        }
    }
}
