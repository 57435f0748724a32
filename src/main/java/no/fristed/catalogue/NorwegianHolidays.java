package no.fristed.catalogue;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Norwegian public holidays (helligdager), Easter-based ones included, from the Jollyday calendar; worked out once
 * per year, because asking the calendar costs far more than a search.
 */
@ApplicationScoped
public class NorwegianHolidays {

    private final HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    public boolean isHoliday(LocalDate date) {
        return byYear.computeIfAbsent(date.getYear(), this::holidays).contains(date);
    }

    private Set<LocalDate> holidays(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return first.datesUntil(first.plusYears(1)).filter(manager::isHoliday).collect(Collectors.toUnmodifiableSet());
    }
}
