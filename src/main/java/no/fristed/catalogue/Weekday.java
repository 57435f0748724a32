package no.fristed.catalogue;

import java.time.DayOfWeek;
import no.fristed.common.Coded;

/** iCalendar BYDAY codes (MO … SU), as HSDS schedules spell weekdays. */
public enum Weekday implements Coded {
    MO, TU, WE, TH, FR, SA, SU;

    @Override
    public String code() {
        return name();
    }

    public static Weekday of(DayOfWeek day) {
        return values()[day.getValue() - 1];
    }
}
