package no.fristed.catalogue;

import java.time.DayOfWeek;

/** iCalendar BYDAY codes (MO … SU), as HSDS schedules spell weekdays. */
public enum Weekday {
    MO, TU, WE, TH, FR, SA, SU;

    public static Weekday of(DayOfWeek day) {
        return values()[day.getValue() - 1];
    }
}
