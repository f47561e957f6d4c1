package io.sunboard.server.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's official arrangement, as published by the State Council each November for
 * the next year.
 *
 * @param source the notice this data was taken from, so an inspector can check it
 * @param holidays days off, including weekend days inside a holiday block
 * @param workdays Saturdays and Sundays that are working days (调休上班)
 * @param provisional {@code true} for a year shipped before its notice was at hand: only
 * the statutory days off, without the State Council's bridge days and make-up working
 * days; absent (official) in most files, hence a {@code Boolean}
 */
public record CalendarYear(int year, String source, List<Holiday> holidays, List<LocalDate> workdays,
		Boolean provisional) {

	/** An official year, copied from the State Council's notice. */
	public CalendarYear(int year, String source, List<Holiday> holidays, List<LocalDate> workdays) {
		this(year, source, holidays, workdays, false);
	}

	public CalendarYear {
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException("calendar " + year + ": 'source' must name the official notice");
		}
		provisional = Boolean.TRUE.equals(provisional);
		holidays = List.copyOf(holidays);
		workdays = List.copyOf(workdays);
		for (Holiday h : holidays) {
			if (h.from().getYear() != year && h.to().getYear() != year) {
				throw new IllegalArgumentException(
						"calendar " + year + ": holiday '" + h.name() + "' is not in " + year);
			}
			if (h.to().isBefore(h.from())) {
				throw new IllegalArgumentException(
						"calendar " + year + ": holiday '" + h.name() + "' ends before it starts (" + h.from() + ")");
			}
		}
		for (LocalDate d : workdays) {
			if (d.getYear() != year) {
				throw new IllegalArgumentException(
						"calendar " + year + ": make-up working day " + d + " is not in " + year);
			}
		}
	}

	/** A block of days off, both ends included. */
	public record Holiday(String name, LocalDate from, LocalDate to) {

		boolean contains(LocalDate day) {
			return !day.isBefore(this.from) && !day.isAfter(this.to);
		}

	}

}
