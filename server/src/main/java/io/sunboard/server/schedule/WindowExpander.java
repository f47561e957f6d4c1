package io.sunboard.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.TimeWindow;

/**
 * Expands a {@link ScheduleRule} into the concrete instants it covers over a horizon, cut
 * to the posting's publicity period. Pure: the same inputs give the same windows.
 * <p>
 * Dayparts are wall-clock times: a window covers exactly the instants at which the
 * school's clock reads a time inside the daypart. So on a daylight-saving day a daypart
 * that falls into the skipped hour shrinks, and one that covers the repeated hour grows
 * (or splits in two), instead of moving by an hour.
 */
public final class WindowExpander {

	/** Widest UTC offset; bounds the instants whose local time can fall on a date. */
	private static final Duration MAX_OFFSET = Duration.ofHours(18);

	private WindowExpander() {
	}

	public static List<TimeWindow> expand(ScheduleRule rule, ZoneId zone, Instant from, Instant until,
			Instant publicityStart, Instant publicityEnd) {
		Instant lo = max(max(rule.startsAt(), publicityStart), from);
		Instant hi = min(min(rule.endsAt(), publicityEnd), until);
		if (!hi.isAfter(lo)) {
			return List.of();
		}
		LocalDate first = LocalDateTime.ofInstant(lo, zone).toLocalDate().minusDays(1);
		LocalDate last = LocalDateTime.ofInstant(hi, zone).toLocalDate();
		Set<LocalDate> recurring = (rule.rrule() != null) ? RecurrenceDays.between(rule.rrule(),
				LocalDateTime.ofInstant(rule.startsAt(), zone).toLocalDate(), first, last) : null;
		List<TimeWindow> windows = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (dayMatches(rule, day, recurring)) {
				LocalDateTime start = day.atTime(rule.hasDaypart() ? rule.dailyStart() : LocalTime.MIDNIGHT);
				LocalDateTime end = rule.hasDaypart() ? day.atTime(rule.dailyEnd()) : day.plusDays(1).atStartOfDay();
				if (rule.crossesMidnight()) {
					end = end.plusDays(1);
				}
				addLocalSpan(windows, zone.getRules(), start, end, lo, hi);
			}
		}
		return merge(windows);
	}

	/** Whether a day passes the weekday, RRULE and exception-date filters. */
	static boolean dayMatches(ScheduleRule rule, LocalDate day, Set<LocalDate> recurring) {
		return (rule.weekdays().isEmpty() || rule.weekdays().contains(day.getDayOfWeek()))
				&& (recurring == null || recurring.contains(day)) && !rule.exceptDates().contains(day);
	}

	/**
	 * Adds the instants in {@code [lo, hi)} whose local time lies in {@code [from, to)},
	 * walking the zone's offset changes around them.
	 */
	private static void addLocalSpan(List<TimeWindow> windows, ZoneRules rules, LocalDateTime from, LocalDateTime to,
			Instant lo, Instant hi) {
		Instant scanEnd = to.toInstant(ZoneOffset.UTC).plus(MAX_OFFSET);
		Instant a = from.toInstant(ZoneOffset.UTC).minus(MAX_OFFSET);
		while (a.isBefore(scanEnd)) {
			ZoneOffsetTransition next = rules.isFixedOffset() ? null : rules.nextTransition(a);
			Instant b = (next == null || next.getInstant().isAfter(scanEnd)) ? scanEnd : next.getInstant();
			ZoneOffset offset = rules.getOffset(a);
			Instant start = max(max(a, from.toInstant(offset)), lo);
			Instant end = min(min(b, to.toInstant(offset)), hi);
			if (end.isAfter(start)) {
				windows.add(new TimeWindow(start, end));
			}
			a = b;
		}
	}

	/**
	 * Sorts and joins windows that overlap or touch; keeps at most what a manifest holds.
	 */
	public static List<TimeWindow> merge(List<TimeWindow> windows) {
		List<TimeWindow> sorted = new ArrayList<>(windows);
		sorted.sort((x, y) -> x.start().compareTo(y.start()));
		List<TimeWindow> merged = new ArrayList<>();
		for (TimeWindow w : sorted) {
			int lastIndex = merged.size() - 1;
			if (lastIndex >= 0 && !w.start().isAfter(merged.get(lastIndex).end())) {
				TimeWindow prev = merged.get(lastIndex);
				merged.set(lastIndex, new TimeWindow(prev.start(), max(prev.end(), w.end())));
			}
			else {
				merged.add(w);
			}
		}
		return (merged.size() > ManifestItem.MAX_WINDOWS) ? List.copyOf(merged.subList(0, ManifestItem.MAX_WINDOWS))
				: merged;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
