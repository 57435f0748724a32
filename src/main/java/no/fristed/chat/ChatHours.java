package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import no.fristed.catalogue.NorwegianHolidays;
import no.fristed.catalogue.OpeningHours;
import no.fristed.catalogue.ServiceDocument;
import no.fristed.catalogue.Weekday;

/** The chat's own opening hours, from configuration, with the same rules as services' hours. */
@ApplicationScoped
public class ChatHours {

    private final OpeningHours hours;
    private final Clock clock;

    ChatHours(ChatConfig config, NorwegianHolidays holidays, Clock clock) {
        this.hours = new OpeningHours(parse(config.hours(), config.openOnHolidays()), List.of(), holidays::isHoliday);
        this.clock = clock;
    }

    public OpeningHours.Availability now() {
        return hours.at(ZonedDateTime.now(clock));
    }

    public boolean openNow() {
        return Boolean.TRUE.equals(now().openNow());
    }

    /** "MO,TU 10:00-22:00; SA 12:00-20:00" → weekly rules. */
    static List<ServiceDocument.ScheduleRule> parse(String spec, boolean openOnHolidays) {
        return Arrays.stream(spec.split(";")).map(String::trim).filter(s -> !s.isEmpty()).map(rule -> {
            String[] parts = rule.split("\\s+");
            String[] times = parts[1].split("-");
            List<Weekday> days = Arrays.stream(parts[0].split(",")).map(d -> Weekday.valueOf(d.trim())).toList();
            return new ServiceDocument.ScheduleRule(days, LocalTime.parse(times[0]), LocalTime.parse(times[1]), null,
                    null, openOnHolidays, null);
        }).toList();
    }
}
