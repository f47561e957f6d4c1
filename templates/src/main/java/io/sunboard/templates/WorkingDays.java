package io.sunboard.templates;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Counts working days as Monday to Friday. China's public holidays and make-up working
 * days come with the working-day calendar (issue 7); until then a period that spans a
 * holiday is counted a little generously, never short of a weekday count.
 */
final class WorkingDays {

	private WorkingDays() {
	}

	/** Working days from {@code first} to {@code last}, both included. */
	static long between(LocalDate first, LocalDate last) {
		long count = 0;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			DayOfWeek dow = day.getDayOfWeek();
			if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
				count++;
			}
		}
		return count;
	}

}
