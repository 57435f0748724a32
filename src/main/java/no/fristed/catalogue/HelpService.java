package no.fristed.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** HSDS service with the Norwegian youth attributes: what young people need to know before they make contact. */
@Entity
public class HelpService extends PanacheEntityBase {

    /** Where the current version of an entry came from: a file under content/, or an editor through the API. */
    public enum Origin implements no.fristed.common.Coded { CONTENT, EDITOR }

    @Id
    public String id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;
    public String name;
    public String alternateName;
    public String description;
    public String url;
    @Enumerated(EnumType.STRING)
    public ServiceStatus status;
    public boolean national;
    public Integer minAge;
    public Integer maxAge;
    public String eligibilityDescription;
    public String cost;
    @Enumerated(EnumType.STRING)
    public Anonymity anonymous;
    public Boolean referralRequired;
    public String referralDescription;
    public Boolean dropIn;
    public Boolean acceptsContactAboutOthers;
    public Boolean forRelatives;
    public Boolean soberRequired;
    @Enumerated(EnumType.STRING)
    public Track track;
    public String whatHappens;
    public String hoursDescription;
    public LocalDate lastVerified;
    /** Staff id of the editor who last verified the entry with the service (null when it came from a document). */
    public String verifiedBy;
    public String source;
    public LocalDate sourceDate;
    @Enumerated(EnumType.STRING)
    public ServiceDocument.Coverage coverage;
    public String localAccess;
    public Boolean dutyToInformBarnevern;
    public LocalDate endDate;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    public String contentHash;
    public Instant updatedAt;
    public String updatedBy;

    @ElementCollection
    @CollectionTable(name = "service_area", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "municipality")
    @BatchSize(size = 100)
    public Set<String> municipalities = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "service_district", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "district")
    @BatchSize(size = 100)
    public Set<String> districts = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "service_topic", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "topic")
    @BatchSize(size = 100)
    public Set<String> topics = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "service_language", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "language")
    @BatchSize(size = 100)
    public Set<String> languages = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "service_channel", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "idx")
    @BatchSize(size = 100)
    public List<Channel> channels = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "service_at_location", joinColumns = @JoinColumn(name = "service_id"),
            inverseJoinColumns = @JoinColumn(name = "location_id"))
    @BatchSize(size = 100)
    public Set<Location> locations = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "schedule", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "idx")
    @BatchSize(size = 100)
    public List<ServiceDocument.ScheduleRule> schedules = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "schedule_exception", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "idx")
    @BatchSize(size = 100)
    public List<ServiceDocument.ScheduleException> exceptions = new ArrayList<>();

    /** Copies a validated document into this entity, replacing every field and collection. */
    void apply(ServiceDocument doc, Organization org, List<Location> places) {
        id = doc.id();
        organization = org;
        name = doc.name();
        alternateName = doc.alternateName();
        description = doc.description();
        url = doc.url();
        national = doc.national();
        ServiceDocument.Eligibility eligibility = doc.eligibility();
        minAge = eligibility == null ? null : eligibility.minAge();
        maxAge = eligibility == null ? null : eligibility.maxAge();
        eligibilityDescription = eligibility == null ? null : eligibility.description();
        cost = doc.cost();
        anonymous = doc.anonymous();
        referralRequired = doc.referralRequired();
        referralDescription = doc.referralDescription();
        dropIn = doc.dropIn();
        acceptsContactAboutOthers = doc.acceptsContactAboutOthers();
        forRelatives = doc.forRelatives();
        soberRequired = doc.soberRequired();
        track = doc.track();
        whatHappens = doc.whatHappens();
        hoursDescription = doc.hoursDescription();
        lastVerified = doc.lastVerified();
        source = doc.source();
        sourceDate = doc.sourceDate();
        coverage = doc.coverage();
        localAccess = doc.localAccess();
        dutyToInformBarnevern = doc.dutyToInformBarnevern();
        endDate = doc.endDate();
        replace(districts, doc.districts());
        replace(municipalities, doc.municipalities());
        replace(topics, doc.topics());
        replace(languages, doc.languages());
        replace(channels, doc.channels());
        replace(locations, places);
        replace(schedules, doc.schedules());
        replace(exceptions, doc.exceptions());
    }

    ServiceDocument toDocument() {
        return new ServiceDocument(id,
                new ServiceDocument.OrganizationDocument(organization.id, organization.name, organization.description,
                        organization.website, organization.email),
                name, alternateName, description, url, national, sorted(municipalities), sorted(topics),
                new ServiceDocument.Eligibility(minAge, maxAge, eligibilityDescription), cost, anonymous,
                referralRequired, referralDescription, dropIn, acceptsContactAboutOthers, forRelatives, soberRequired,
                track, whatHappens, List.copyOf(channels),
                sorted(languages),
                locations.stream().sorted(Comparator.comparing(l -> l.id)).map(Location::toDocument).toList(),
                List.copyOf(schedules), List.copyOf(exceptions), hoursDescription, lastVerified, source, sourceDate,
                coverage, localAccess, sorted(districts), dutyToInformBarnevern, endDate);
    }

    private static <T> void replace(java.util.Collection<T> target, java.util.Collection<T> values) {
        target.clear();
        target.addAll(values);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
