package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import no.fristed.catalogue.NorwegianHolidays;
import no.fristed.catalogue.OpeningHours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chat's hours from configuration: weekly rules, holidays and dated closures, and clear errors for typos. */
class ChatHoursTest {

    private static final NorwegianHolidays HOLIDAYS = new NorwegianHolidays();

    private static ZonedDateTime oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OpeningHours.OSLO);
    }

    /** ChatHours as the application builds it, from these settings over the mapping's defaults, at an Oslo moment. */
    private static ChatHours at(String localDateTime, Map<String, String> settings) {
        ChatConfig config = new SmallRyeConfigBuilder().withMapping(ChatConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 500)).build()
                .getConfigMapping(ChatConfig.class);
        return new ChatHours(config, HOLIDAYS, Clock.fixed(oslo(localDateTime).toInstant(), OpeningHours.OSLO));
    }

    @Test
    void theDefaultHoursAreOpenOnAWeekdayEveningAndClosedLateAtNight() {
        assertTrue(at("2026-11-30T21:30", Map.of()).openNow(), "Monday 21:30");
        OpeningHours.Availability night = at("2026-11-30T22:30", Map.of()).now();
        assertFalse(night.openNow());
        assertEquals(oslo("2026-12-01T10:00"), night.nextOpens());
        assertEquals(oslo("2026-12-05T20:00"), at("2026-12-05T13:00", Map.of()).now().closesAt(), "Saturday");
    }

    @Test
    void spacesAfterCommasAndExtraBlanksAreAllowed() {
        String spaced = " MO, TU  09:00-11:00 ;; SU 00:00-00:00 ";
        assertTrue(at("2026-12-01T09:30", Map.of("fristed.chat.hours", spaced)).openNow());
        assertTrue(at("2026-12-06T03:00", Map.of("fristed.chat.hours", "MO 09:00-11:00; SU 00:00-00:00")).openNow());
    }

    @Test
    void aClosedDateClosesTheChatAndNextOpeningSkipsIt() {
        Map<String, String> christmas = Map.of("fristed.chat.closed-dates", "2026-12-24; 2026-12-28..2026-12-30");
        OpeningHours.Availability eve = at("2026-12-24T11:00", christmas).now();
        assertFalse(eve.openNow(), "Christmas Eve is a Thursday and no public holiday, but closed by date");
        assertEquals(oslo("2026-12-25T10:00"), eve.nextOpens(), "Christmas Day, a Friday, keeps its weekday hours");
        OpeningHours.Availability range = at("2026-12-29T11:00", christmas).now();
        assertFalse(range.openNow());
        assertEquals(oslo("2026-12-31T10:00"), range.nextOpens(), "the whole range is closed");
        assertTrue(at("2026-12-23T11:00", christmas).openNow(), "the day before is a normal day");
    }

    @Test
    void aDateWithATimeSpanIsOpenOnlyThen() {
        Map<String, String> newYearsEve = Map.of("fristed.chat.closed-dates", "2026-12-31 10:00-14:00");
        OpeningHours.Availability morning = at("2026-12-31T13:00", newYearsEve).now();
        assertTrue(morning.openNow());
        assertEquals(oslo("2026-12-31T14:00"), morning.closesAt());
        assertFalse(at("2026-12-31T15:00", newYearsEve).openNow(), "a Thursday would be open until 22:00");
    }

    @Test
    void aClosedDateAlsoClosesAHolidayTheChatWouldOtherwiseKeep() {
        assertTrue(at("2026-12-25T13:00", Map.of()).openNow());
        assertFalse(at("2026-12-25T13:00", Map.of("fristed.chat.closed-dates", "2026-12-25")).openNow());
    }

    @Test
    void withoutHolidayHoursThePublicHolidaysAreClosed() {
        assertFalse(at("2026-12-25T13:00", Map.of("fristed.chat.open-on-holidays", "false")).openNow());
    }

    /** Each case: the setting | the entry the message quotes | what is wrong with it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MO,TX 10:00-22:00; SA 12:00-20:00 | MO,TX 10:00-22:00 | TX is not a weekday (MO..SU)",
        "mo 10:00-22:00      | mo 10:00-22:00     | mo is not a weekday (MO..SU)",
        "MO,,TU 10:00-22:00  | MO,,TU 10:00-22:00 | an empty day is not a weekday (MO..SU)",
        "10:00-22:00         | 10:00-22:00        | expected weekdays and a time span, like 'MO,TU 10:00-22:00'",
        "MO 10:00            | MO 10:00           | 10:00 is not a time span like 10:00-22:00",
        "MO 10-22            | MO 10-22           | 10 is not a time (HH:MM)",
        "MO 10:00-24:00      | MO 10:00-24:00     | 24:00 is not a time (HH:MM)",
        "MO   10:00-         | MO 10:00-          | an empty time is not a time (HH:MM)",
    })
    void aMistypedHoursSettingNamesTheKeyAndTheBadPart(String hours, String entry, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> at("2026-11-30T12:00", Map.of("fristed.chat.hours", hours)));
        assertEquals("fristed.chat.hours: '" + entry + "': " + problem, e.getMessage());
    }

    @Test
    void hoursWithoutAnyRuleStopTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> at("2026-11-30T12:00", Map.of("fristed.chat.hours", " ; ")));
        assertEquals("fristed.chat.hours: no opening hours given", e.getMessage());
    }

    /** Each case: the setting | the entry the message quotes | what is wrong with it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-12-24; 2026-02-30  | 2026-02-30             | 2026-02-30 is not a date (YYYY-MM-DD)",
        "24.12.2026              | 24.12.2026             | 24.12.2026 is not a date (YYYY-MM-DD)",
        "2026-12-30..2026-12-27  | 2026-12-30..2026-12-27 | the range ends before it starts",
        "2026-12-27..            | 2026-12-27..           | an empty date is not a date (YYYY-MM-DD)",
        "2026-12-27..2026-12-28..2026-12-29 | 2026-12-27..2026-12-28..2026-12-29 | a range is written first..last",
        "2026-01-01..2027-01-02  | 2026-01-01..2027-01-02 | a range is at most 366 days",
        "2026-12-31 10:00        | 2026-12-31 10:00       | 10:00 is not a time span like 10:00-22:00",
        "2026-12-31 10:00 14:00  | 2026-12-31 10:00 14:00 | expected a date or a range, optionally with a time span,"
                + " like '2026-12-31 10:00-14:00'",
    })
    void aMistypedClosedDateNamesTheKeyAndTheBadPart(String dates, String entry, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> at("2026-11-30T12:00", Map.of("fristed.chat.closed-dates", dates)));
        assertEquals("fristed.chat.closed-dates: '" + entry + "': " + problem, e.getMessage());
    }
}
