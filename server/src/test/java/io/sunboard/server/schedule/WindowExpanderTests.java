package io.sunboard.server.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.TimeWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WindowExpanderTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");

	private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

	@Test
	void weekdayDaypartInShanghaiGivesOneWindowPerSchoolDay() {
		// Friday 2026-11-27 .. Tuesday 2026-12-01 (local)
		ScheduleRule rule = new ScheduleRule(Instant.parse("2026-11-26T16:00:00Z"),
				Instant.parse("2026-12-01T16:00:00Z"), LocalTime.of(8, 0), LocalTime.of(8, 10),
				Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
				null, Set.of());

		List<TimeWindow> windows = WindowExpander.expand(rule, SHANGHAI, FAR_PAST, FAR_FUTURE, FAR_PAST, FAR_FUTURE);

		assertThat(windows).containsExactly(window("2026-11-27T00:00:00Z", "2026-11-27T00:10:00Z"),
				window("2026-11-30T00:00:00Z", "2026-11-30T00:10:00Z"),
				window("2026-12-01T00:00:00Z", "2026-12-01T00:10:00Z"));
	}

	@Test
	void daypartInTheSkippedHourShrinksAndTheRepeatedHourCountsTwice() {
		// New York: 2026-03-08 02:00 -> 03:00; 2026-11-01 02:00 -> 01:00
		ScheduleRule spring = new ScheduleRule(Instant.parse("2026-03-08T05:00:00Z"),
				Instant.parse("2026-03-09T05:00:00Z"), LocalTime.of(2, 30), LocalTime.of(3, 30), Set.of(), null,
				Set.of());
		ScheduleRule autumn = new ScheduleRule(Instant.parse("2026-11-01T04:00:00Z"),
				Instant.parse("2026-11-02T05:00:00Z"), LocalTime.of(1, 0), LocalTime.of(2, 0), Set.of(), null,
				Set.of());

		assertThat(WindowExpander.expand(spring, NEW_YORK, FAR_PAST, FAR_FUTURE, FAR_PAST, FAR_FUTURE))
			.as("03:00-03:30 EDT only")
			.containsExactly(window("2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z"));
		assertThat(WindowExpander.expand(autumn, NEW_YORK, FAR_PAST, FAR_FUTURE, FAR_PAST, FAR_FUTURE))
			.as("01:00 EDT until 02:00 EST: two hours")
			.containsExactly(window("2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z"));
	}

	@Test
	void daypartAcrossMidnightBelongsToTheDayItStarts() {
		ScheduleRule rule = new ScheduleRule(Instant.parse("2026-11-27T00:00:00Z"),
				Instant.parse("2026-11-30T00:00:00Z"), LocalTime.of(22, 0), LocalTime.of(6, 0),
				Set.of(DayOfWeek.FRIDAY), null, Set.of());

		assertThat(WindowExpander.expand(rule, SHANGHAI, FAR_PAST, FAR_FUTURE, FAR_PAST, FAR_FUTURE))
			.containsExactly(window("2026-11-27T14:00:00Z", "2026-11-27T22:00:00Z"));
	}

	@Test
	void rruleAndExceptionDatesPickTheDaysAndThePublicityPeriodBoundsThem() {
		ScheduleRule rule = new ScheduleRule(Instant.parse("2026-10-31T16:00:00Z"),
				Instant.parse("2027-01-31T16:00:00Z"), null, null, Set.of(), "FREQ=MONTHLY;BYMONTHDAY=1,-1",
				Set.of(LocalDate.of(2026, 12, 1)));

		List<TimeWindow> windows = WindowExpander.expand(rule, SHANGHAI, FAR_PAST, FAR_FUTURE,
				Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-12-31T12:00:00Z"));

		assertThat(windows).containsExactly(window("2026-10-31T16:00:00Z", "2026-11-01T16:00:00Z"),
				window("2026-11-29T16:00:00Z", "2026-11-30T16:00:00Z"),
				window("2026-12-30T16:00:00Z", "2026-12-31T12:00:00Z"));
	}

	@Test
	void rulesThatRecurWithinADayAreRefusedWithAHint() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecurrenceDays.parse("FREQ=HOURLY"))
			.withMessageContaining("dailyStart");
		assertThatIllegalArgumentException().isThrownBy(() -> RecurrenceDays.parse("FREQ=SOMETIMES"))
			.withMessageContaining("FREQ=WEEKLY;BYDAY=MO,WE");
	}

	private static TimeWindow window(String start, String end) {
		return new TimeWindow(Instant.parse(start), Instant.parse(end));
	}

}
