package no.fristed.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final NorwegianHolidays HOLIDAYS = new NorwegianHolidays();
    private static final List<Weekday> WEEKDAYS = List.of(Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH, Weekday.FR);

    private static ServiceDocument.ScheduleRule rule(List<Weekday> days, String opens, String closes, boolean holidays) {
        return new ServiceDocument.ScheduleRule(days, LocalTime.parse(opens), LocalTime.parse(closes), null, null,
                holidays, null);
    }

    private static OpeningHours hours(ServiceDocument.ScheduleRule... rules) {
        return new OpeningHours(List.of(rules), List.of(), HOLIDAYS::isHoliday);
    }

    private static ZonedDateTime oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OpeningHours.OSLO);
    }

    @Test
    void officeHoursAreOpenOnAWeekdayAndSayWhenTheyClose() {
        OpeningHours.Availability a = hours(rule(WEEKDAYS, "08:00", "15:30", false)).at(oslo("2026-11-24T10:00"));
        assertEquals(Boolean.TRUE, a.openNow());
        assertEquals(oslo("2026-11-24T15:30"), a.closesAt());
    }

    @Test
    void closedOnSundayWithNextOpeningOnMonday() {
        OpeningHours.Availability a = hours(rule(WEEKDAYS, "08:00", "15:30", false)).at(oslo("2026-11-29T12:00"));
        assertEquals(Boolean.FALSE, a.openNow());
        assertEquals(oslo("2026-11-30T08:00"), a.nextOpens());
    }

    @Test
    void anEveningRuleStaysOpenPastMidnightIntoTheNextDay() {
        OpeningHours night = hours(rule(List.of(Weekday.FR), "20:00", "02:00", false));
        assertEquals(Boolean.TRUE, night.at(oslo("2026-11-27T23:30")).openNow());
        OpeningHours.Availability afterMidnight = night.at(oslo("2026-11-28T01:30"));
        assertEquals(Boolean.TRUE, afterMidnight.openNow(), "Saturday 01:30 belongs to Friday's evening");
        assertEquals(oslo("2026-11-28T02:00"), afterMidnight.closesAt());
        assertEquals(Boolean.FALSE, night.at(oslo("2026-11-28T02:00")).openNow());
    }

    @Test
    void closedOnConstitutionDayAndEasterMondayEvenThoughTheyAreMondays() {
        OpeningHours office = hours(rule(WEEKDAYS, "08:00", "15:30", false));
        OpeningHours.Availability may17 = office.at(oslo("2027-05-17T10:00"));
        assertEquals(Boolean.FALSE, may17.openNow());
        assertEquals(oslo("2027-05-18T08:00"), may17.nextOpens());
        OpeningHours.Availability easterMonday = office.at(oslo("2027-03-29T10:00"));
        assertEquals(Boolean.FALSE, easterMonday.openNow());
        assertEquals(oslo("2027-03-30T08:00"), easterMonday.nextOpens(), "Easter Monday 2027 is 29 March");
        assertEquals(Boolean.TRUE, office.at(oslo("2027-03-30T10:00")).openNow());
    }

    @Test
    void aRoundTheClockLineIsOpenOnHolidaysAndHasNoClosingTime() {
        OpeningHours always = hours(rule(List.of(Weekday.values()), "00:00", "00:00", true));
        OpeningHours.Availability a = always.at(oslo("2027-05-17T03:00"));
        assertEquals(Boolean.TRUE, a.openNow());
        assertNull(a.closesAt());
    }

    @Test
    void anEveningBeforeAHolidayStillRunsPastMidnight() {
        OpeningHours night = hours(rule(List.of(Weekday.FR), "20:00", "02:00", false));
        assertEquals(Boolean.TRUE, night.at(oslo("2027-12-25T01:00")).openNow(),
                "Christmas Eve (a Friday) is no public holiday, so its evening runs into Christmas Day");
        assertEquals(Boolean.FALSE, hours(rule(List.of(Weekday.SA), "20:00", "02:00", false))
                .at(oslo("2027-12-25T21:00")).openNow(), "Christmas Day itself is closed");
    }

    @Test
    void aDatedExceptionOverridesTheWeeklyRule() {
        ServiceDocument.ScheduleException closed = new ServiceDocument.ScheduleException(LocalDate.parse("2026-11-24"),
                null, null, "Stengt for kurs");
        ServiceDocument.ScheduleException late = new ServiceDocument.ScheduleException(LocalDate.parse("2026-11-25"),
                LocalTime.parse("12:00"), LocalTime.parse("20:00"), null);
        OpeningHours office = new OpeningHours(List.of(rule(WEEKDAYS, "08:00", "15:30", false)), List.of(closed, late),
                HOLIDAYS::isHoliday);
        OpeningHours.Availability a = office.at(oslo("2026-11-24T10:00"));
        assertEquals(Boolean.FALSE, a.openNow());
        assertEquals(oslo("2026-11-25T12:00"), a.nextOpens());
        assertEquals(Boolean.TRUE, office.at(oslo("2026-11-25T19:00")).openNow());
    }

    @Test
    void wallClockHoursHoldAcrossTheChangeToWinterTime() {
        OpeningHours office = hours(rule(List.of(Weekday.SA, Weekday.SU), "09:00", "17:00", false));
        OpeningHours.Availability a = office.at(oslo("2027-10-30T20:00"));
        assertEquals(LocalDateTime.parse("2027-10-31T09:00"), a.nextOpens().toLocalDateTime());
        assertEquals("+01:00", a.nextOpens().getOffset().getId());
    }

    @Test
    void aServiceWithoutPublishedHoursIsNeitherOpenNorClosed() {
        OpeningHours.Availability a = new OpeningHours(List.of(), List.of(), HOLIDAYS::isHoliday).at(oslo("2026-11-24T10:00"));
        assertNull(a.openNow());
        assertNull(a.nextOpens());
    }

    @Test
    void validityDatesLimitARule() {
        ServiceDocument.ScheduleRule summer = new ServiceDocument.ScheduleRule(WEEKDAYS, LocalTime.parse("10:00"),
                LocalTime.parse("14:00"), LocalDate.parse("2027-06-01"), LocalDate.parse("2027-08-31"), false, null);
        OpeningHours seasonal = hours(summer);
        assertEquals(Boolean.FALSE, seasonal.at(oslo("2026-11-24T11:00")).openNow());
        assertTrue(seasonal.at(oslo("2027-06-01T11:00")).openNow());
    }
}
