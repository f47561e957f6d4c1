package io.sunboard.server.console.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.sunboard.server.dispatch.NowAndNext;

/**
 * A screen's week as hour blocks: for each day and hour, which postings its loop holds.
 * Built from the screen's now-and-next (the manifest it was sent), so it shows what the
 * screen itself will play, not what the schedule table says it should.
 *
 * @param days one row per day, 24 hours each
 * @param now the loop playing now, in order
 * @param changes when the loop changes next, in the school's local time
 */
public record ScreenTimeline(List<Day> days, List<String> now, List<Change> changes) {

	static final int HOURS = 24;

	/** Pure: the same outlook, zone and first day give the same timeline. */
	static ScreenTimeline of(NowAndNext outlook, ZoneId zone, LocalDate firstDay, int dayCount) {
		List<Segment> segments = segments(outlook);
		List<Day> days = new ArrayList<>();
		for (int d = 0; d < dayCount; d++) {
			LocalDate date = firstDay.plusDays(d);
			List<Hour> hours = new ArrayList<>(HOURS);
			for (int h = 0; h < HOURS; h++) {
				Instant from = date.atTime(h, 0).atZone(zone).toInstant();
				Instant to = date.atTime(h, 0).plusHours(1).atZone(zone).toInstant();
				hours.add(hour(h, from, to, outlook, segments));
			}
			days.add(new Day(date, hours));
		}
		List<Change> changes = outlook.next()
			.stream()
			.map((c) -> new Change(LocalDateTime.ofInstant(c.at(), zone), titles(c.showing())))
			.toList();
		return new ScreenTimeline(days, titles(outlook.now()), changes);
	}

	private static Hour hour(int h, Instant from, Instant to, NowAndNext outlook, List<Segment> segments) {
		if (!to.isAfter(outlook.at())) {
			return new Hour(h, State.PAST, List.of());
		}
		if (!from.isBefore(outlook.until())) {
			return new Hour(h, State.BEYOND, List.of());
		}
		Set<String> titles = new LinkedHashSet<>();
		for (Segment segment : segments) {
			if (segment.from().isBefore(to) && segment.to().isAfter(from)) {
				titles.addAll(segment.titles());
			}
		}
		return new Hour(h, titles.isEmpty() ? State.IDLE : State.SHOWING, List.copyOf(titles));
	}

	private static List<Segment> segments(NowAndNext outlook) {
		List<Segment> segments = new ArrayList<>();
		Instant from = outlook.at();
		List<String> showing = titles(outlook.now());
		for (NowAndNext.Change change : outlook.next()) {
			segments.add(new Segment(from, change.at(), showing));
			from = change.at();
			showing = titles(change.showing());
		}
		segments.add(new Segment(from, outlook.until(), showing));
		return segments;
	}

	private static List<String> titles(List<NowAndNext.Shown> shown) {
		return shown.stream().map(NowAndNext.Shown::title).distinct().toList();
	}

	public enum State {

		PAST, IDLE, SHOWING, BEYOND

	}

	public record Day(LocalDate date, List<Hour> hours) {
	}

	/** One hour of one day: what the loop holds at any time in it. */
	public record Hour(int hour, State state, List<String> titles) {

		public String cssClass() {
			return "slot-" + this.state.name().toLowerCase(java.util.Locale.ROOT);
		}

		public String tooltip() {
			return String.format("%02d:00 ", this.hour) + String.join(" / ", this.titles);
		}

	}

	public record Change(LocalDateTime at, List<String> showing) {
	}

	private record Segment(Instant from, Instant to, List<String> titles) {
	}

}
