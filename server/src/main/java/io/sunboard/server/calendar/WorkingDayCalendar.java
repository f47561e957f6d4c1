package io.sunboard.server.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts working days: Monday to Friday, minus public holidays, plus make-up working
 * days. For a year with no data file it falls back to Monday to Friday and says so once
 * in the log, because a wrong deadline is worse than a loud one.
 */
public class WorkingDayCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

	private final Map<Integer, Year> years;

	private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

	public WorkingDayCalendar(Iterable<CalendarYear> data) {
		Map<Integer, Year> byYear = new ConcurrentHashMap<>();
		for (CalendarYear year : data) {
			if (byYear.put(year.year(), new Year(year)) != null) {
				throw new IllegalArgumentException("two calendar files for " + year.year() + "; keep one");
			}
			if (year.provisional()) {
				log.warn("The working-day calendar for {} is provisional (statutory holidays only, no make-up"
						+ " working days): deadlines in {} may be off by the State Council's bridge days. Replace"
						+ " cn-{}.json with the official notice (see docs/calendar.md).", year.year(), year.year(),
						year.year());
			}
		}
		this.years = Map.copyOf(byYear);
	}

	public boolean covers(int year) {
		return this.years.containsKey(year);
	}

	/**
	 * Whether deadlines in {@code year} rest on a provisional file (or on no file at
	 * all), so pages that show them can say so.
	 */
	public boolean isProvisional(int year) {
		Year data = this.years.get(year);
		return data == null || data.provisional;
	}

	public boolean isWorkingDay(LocalDate day) {
		Year year = this.years.get(day.getYear());
		if (year == null) {
			if (this.warned.add(day.getYear())) {
				log.warn(
						"No working-day calendar for {}: counting Monday to Friday only. Add {}.json (see"
								+ " docs/calendar.md) once the State Council publishes the year's holidays.",
						day.getYear(), day.getYear());
			}
			return !weekend(day);
		}
		if (year.workdays.contains(day)) {
			return true;
		}
		return !weekend(day) && year.holidays.stream().noneMatch((h) -> h.contains(day));
	}

	/**
	 * The day that is {@code workingDays} working days after {@code start} ({@code start}
	 * itself does not count): "within 10 working days of 28 September" ends on the 10th
	 * working day after it.
	 */
	public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("workingDays must be zero or more; got " + workingDays);
		}
		LocalDate day = start;
		int counted = 0;
		while (counted < workingDays) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * Working days after {@code from} up to and including {@code to}; zero when
	 * {@code to} is not after it.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private record Year(Set<LocalDate> workdays, List<CalendarYear.Holiday> holidays, boolean provisional) {

		Year(CalendarYear data) {
			this(data.workdays().stream().collect(Collectors.toUnmodifiableSet()), data.holidays(), data.provisional());
		}

	}

}
