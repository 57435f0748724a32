package no.fristed.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.ZonedDateTime;

/**
 * A service as the app shows it: the entry, whether it is open now, how far away it is, and whether it rests on an old
 * source that no editor has verified since.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(
        @JsonUnwrapped ServiceDocument service,
        ServiceStatus status,
        AvailabilityView availability,
        Double distanceKm,
        Boolean distanceApproximate,
        boolean oldSource) {

    /** Opening state in Europe/Oslo local time with offset; openNow is null when the service publishes no hours. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AvailabilityView(
            Boolean openNow,
            @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = TIME, timezone = ZONE) ZonedDateTime closesAt,
            @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = TIME, timezone = ZONE) ZonedDateTime nextOpens) {

        static AvailabilityView of(OpeningHours.Availability a) {
            return new AvailabilityView(a.openNow(), a.closesAt(), a.nextOpens());
        }
    }

    static final String TIME = "yyyy-MM-dd'T'HH:mm:ssXXX";
    static final String ZONE = "Europe/Oslo";
}
