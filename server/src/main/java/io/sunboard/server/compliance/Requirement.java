package io.sunboard.server.compliance;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.List;

/**
 * One entry of a disclosure catalogue: a posting kind a school must disclose, how often,
 * and by when.
 *
 * @param cadence {@code YEAR} (one period) or {@code TERM} (one period per term)
 * @param periods when each disclosure is due, as {@code MM-dd} in the school's year
 */
public record Requirement(String kind, Cadence cadence, List<Period> periods) {

	public Requirement {
		if (kind == null || kind.isBlank()) {
			throw new IllegalArgumentException("each requirement needs a kind, e.g. fee-notice");
		}
		if (cadence == null) {
			throw new IllegalArgumentException("requirement '" + kind + "' needs a cadence: YEAR or TERM");
		}
		periods = (periods == null) ? List.of() : List.copyOf(periods);
		int expected = (cadence == Cadence.YEAR) ? 1 : 2;
		if (periods.size() != expected) {
			throw new IllegalArgumentException("requirement '" + kind + "' with cadence " + cadence + " needs "
					+ expected + " period(s) with from and due dates; got " + periods.size());
		}
		MonthDay previousDue = null;
		for (Period p : periods) {
			if (previousDue != null && !p.fromDay().isAfter(previousDue)) {
				throw new IllegalArgumentException("requirement '" + kind + "': period '" + p.name()
						+ "' must start after the previous one is due");
			}
			previousDue = p.dueDay();
		}
	}

	/** How often a kind must be disclosed. */
	public enum Cadence {

		YEAR, TERM

	}

	/**
	 * @param from first day a disclosure counts for this period ({@code MM-dd})
	 * @param due last day it is on time ({@code MM-dd})
	 */
	public record Period(String name, String from, String due) {

		public Period {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("each period needs a name, e.g. spring or autumn");
			}
			MonthDay f = parse(from, name, "from");
			MonthDay d = parse(due, name, "due");
			if (d.isBefore(f)) {
				throw new IllegalArgumentException("period '" + name + "' is due (" + due + ") before it starts ("
						+ from + "); both are MM-dd within one year");
			}
		}

		MonthDay fromDay() {
			return MonthDay.parse("--" + this.from);
		}

		MonthDay dueDay() {
			return MonthDay.parse("--" + this.due);
		}

		private static MonthDay parse(String value, String name, String field) {
			try {
				return MonthDay.parse("--" + value);
			}
			catch (DateTimeException | NullPointerException ex) {
				throw new IllegalArgumentException("period '" + name + "': " + field
						+ " must be a month and day as MM-dd, e.g. 03-31; got " + value);
			}
		}

	}

}
