package no.fristed.catalogue;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** Norwegian public holidays (helligdager), Easter-based ones included, from the Jollyday calendar. */
@ApplicationScoped
public class NorwegianHolidays {

    private final HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));

    public boolean isHoliday(LocalDate date) {
        return manager.isHoliday(date);
    }
}
