package no.fristed.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;

/**
 * One help service as editors write it: a file under content/services or the body of the editor API.
 * The same shape for both, so a service can move from a file to the API and back.
 */
public record ServiceDocument(
        @NotBlank @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
        @NotNull @Valid OrganizationDocument organization,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String alternateName,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 500) String url,
        boolean national,
        List<@NotBlank String> municipalities,
        @NotEmpty List<@NotBlank String> topics,
        @Valid Eligibility eligibility,
        @Size(max = 500) String cost,
        @NotNull Anonymity anonymous,
        Boolean referralRequired,
        @Size(max = 1000) String referralDescription,
        Boolean dropIn,
        Boolean acceptsContactAboutOthers,
        Boolean forRelatives,
        Boolean soberRequired,
        @NotNull Track track,
        @NotBlank @Size(max = 4000) String whatHappens,
        @NotEmpty List<@NotNull @Valid Channel> channels,
        List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as nb or en") String> languages,
        List<@NotNull @Valid LocationDocument> locations,
        List<@NotNull @Valid ScheduleRule> schedules,
        List<@NotNull @Valid ScheduleException> exceptions,
        @Size(max = 500) String hoursDescription,
        LocalDate lastVerified,
        @Size(max = 1000) String source,
        LocalDate sourceDate,
        Coverage coverage,
        @Size(max = 1000) String localAccess,
        List<@NotBlank @Size(max = 100) String> districts,
        Boolean dutyToInformBarnevern,
        LocalDate endDate) {

    /** Absent lists are empty lists and an absent coverage is LISTED, so no reader has to check for null. */
    public ServiceDocument {
        coverage = coverage == null ? Coverage.LISTED : coverage;
        districts = orEmpty(districts);
        municipalities = orEmpty(municipalities);
        topics = orEmpty(topics);
        channels = orEmpty(channels);
        languages = orEmpty(languages);
        locations = orEmpty(locations);
        schedules = orEmpty(schedules);
        exceptions = orEmpty(exceptions);
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    /**
     * Where a service is: LISTED in its municipalities and locations (or everywhere when national), or a statutory
     * service that EVERY_MUNICIPALITY runs for its own residents, found in each municipality's search.
     */
    public enum Coverage implements no.fristed.common.Coded { LISTED, EVERY_MUNICIPALITY }

    /** Whether the service ends or has ended by {@code today}: after its endDate it is no longer shown. */
    public boolean endedBy(LocalDate today) {
        return endDate != null && endDate.isBefore(today);
    }

    /** The source is older than {@code ageLimit} before today and no editor has verified the entry since. */
    public boolean restsOnOldSource(LocalDate today, Period ageLimit) {
        return sourceDate != null && sourceDate.isBefore(today.minus(ageLimit))
                && (lastVerified == null || lastVerified.isBefore(sourceDate));
    }

    static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,79}";
    static final String ID_MESSAGE = "must be 2-80 lower-case letters, digits and dashes";

    /** The organization that runs the service; created or updated along with it. */
    public record OrganizationDocument(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @Size(max = 500) String website,
            @Email @Size(max = 200) String email) {
    }

    /** Who may use the service. Ages are inclusive; either end may be open. */
    public record Eligibility(
            @Min(0) @Max(120) Integer minAge,
            @Min(0) @Max(120) Integer maxAge,
            @Size(max = 1000) String description) {
    }

    /** A place where the service meets people. Coordinates are optional: never invent them. */
    public record LocationDocument(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 300) String address,
            @Size(max = 10) String postalCode,
            @NotBlank String municipality,
            @Min(-90) @Max(90) Double latitude,
            @Min(-180) @Max(180) Double longitude) {
    }

    /**
     * A weekly opening rule in Europe/Oslo (HSDS schedule with freq WEEKLY). closesAt at or before opensAt means
     * the service closes the next day; 00:00-00:00 is the whole day.
     */
    @Embeddable
    public record ScheduleRule(
            @NotEmpty @Convert(converter = WeekdaysConverter.class) List<@NotNull Weekday> byday,
            @NotNull LocalTime opensAt,
            @NotNull LocalTime closesAt,
            LocalDate validFrom,
            LocalDate validTo,
            boolean openOnHolidays,
            @Size(max = 500) String description) {
    }

    /** A date with other hours than the weekly rules, or closed (no times). */
    @Embeddable
    public record ScheduleException(
            @NotNull @Column(name = "exception_date") LocalDate date,
            LocalTime opensAt,
            LocalTime closesAt,
            @Size(max = 500) String description) {

        public boolean closed() {
            return opensAt == null;
        }
    }
}
