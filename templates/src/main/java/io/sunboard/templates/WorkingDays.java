package io.sunboard.templates;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days count as working days for minimum publicity periods. The templates module
 * knows only Monday to Friday; the server passes its working-day calendar (China's public
 * holidays and make-up working days) so a period spanning National Day is counted right.
 */
@FunctionalInterface
public interface WorkingDays {

	/**
	 * Monday to Friday: without holiday data a period that spans a holiday is counted a
	 * little generously, never short of a weekday count.
	 */
	WorkingDays MONDAY_TO_FRIDAY = (day) -> day.getDayOfWeek() != DayOfWeek.SATURDAY
			&& day.getDayOfWeek() != DayOfWeek.SUNDAY;

	boolean isWorkingDay(LocalDate day);

	/** Working days from {@code first} to {@code last}, both included. */
	default long count(LocalDate first, LocalDate last) {
		long count = 0;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

}
