package io.sunboard.server.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.server.calendar.CalendarYear;
import io.sunboard.server.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reply deadlines on the shipped 2026 calendar: National Day (1–7 October) does not
 * count, the make-up working days (Sunday 20 September, Saturday 10 October) do.
 */
class FeedbackDeadlinesTests {

	private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(List.of(shipped2026()));

	private final FeedbackDeadlines deadlines = new FeedbackDeadlines(CALENDAR, new FeedbackSettings(2, 10, 15, 1));

	@Test
	void complaintReceivedBeforeNationalDayIsDueTenWorkingDaysLaterCountingTheMakeUpSaturday() {
		// 29, 30 Sep; 8, 9, 10 (Saturday, a working day), 12-16 Oct
		assertThat(this.deadlines.dueOn(FeedbackKind.COMPLAINT, LocalDate.of(2026, 9, 28)))
			.isEqualTo(LocalDate.of(2026, 10, 16));
	}

	@Test
	void consultationReceivedOnTheLastDayBeforeTheHolidayIsDueAfterIt() {
		assertThat(this.deadlines.dueOn(FeedbackKind.CONSULTATION, LocalDate.of(2026, 9, 30)))
			.isEqualTo(LocalDate.of(2026, 10, 9));
	}

	@Test
	void consultationReceivedDuringTheHolidayCountsFromTheFirstWorkingDay() {
		assertThat(this.deadlines.dueOn(FeedbackKind.CONSULTATION, LocalDate.of(2026, 10, 3)))
			.isEqualTo(LocalDate.of(2026, 10, 9));
	}

	@Test
	void theMakeUpSaturdayAfterNationalDayIsAWorkingDay() {
		// Friday 9 Oct + Saturday 10 Oct (make-up) + Monday 12 Oct
		assertThat(this.deadlines.dueOn(FeedbackKind.CONSULTATION, LocalDate.of(2026, 10, 9)))
			.isEqualTo(LocalDate.of(2026, 10, 12));
	}

	@Test
	void theMakeUpSundayBeforeMidAutumnIsAWorkingDay() {
		// Friday 18 Sep + Sunday 20 Sep (make-up) + Monday 21 Sep
		assertThat(this.deadlines.dueOn(FeedbackKind.CONSULTATION, LocalDate.of(2026, 9, 18)))
			.isEqualTo(LocalDate.of(2026, 9, 21));
	}

	@Test
	void midAutumnHolidayIsSkipped() {
		// Thursday 24 Sep; 25-27 Sep are days off
		assertThat(this.deadlines.dueOn(FeedbackKind.CONSULTATION, LocalDate.of(2026, 9, 24)))
			.isEqualTo(LocalDate.of(2026, 9, 29));
	}

	@Test
	void suggestionDeadlineIsASetting() {
		FeedbackDeadlines five = new FeedbackDeadlines(CALENDAR, new FeedbackSettings(2, 10, 5, 1));
		assertThat(five.dueOn(FeedbackKind.SUGGESTION, LocalDate.of(2026, 9, 28)))
			.isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(this.deadlines.dueOn(FeedbackKind.SUGGESTION, LocalDate.of(2026, 9, 28)))
			.isEqualTo(LocalDate.of(2026, 10, 23));
	}

	@Test
	void dueSoonAndOverdueFollowWorkingDays() {
		LocalDate due = LocalDate.of(2026, 10, 9);
		// on 7 October (holiday) two working days remain: not yet due soon
		assertThat(this.deadlines.dueSoon(due, false, LocalDate.of(2026, 10, 7))).isFalse();
		assertThat(this.deadlines.dueSoon(due, false, LocalDate.of(2026, 10, 8))).isTrue();
		assertThat(this.deadlines.dueSoon(due, false, LocalDate.of(2026, 10, 9))).isTrue();
		assertThat(this.deadlines.overdue(due, false, LocalDate.of(2026, 10, 9))).isFalse();
		assertThat(this.deadlines.overdue(due, false, LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(this.deadlines.overdue(due, true, LocalDate.of(2026, 10, 10))).isFalse();
		assertThat(this.deadlines.dueSoon(due, true, LocalDate.of(2026, 10, 8))).isFalse();
	}

	@Test
	void answeredOnTheDueDateIsOnTime() {
		LocalDate due = LocalDate.of(2026, 10, 16);
		assertThat(this.deadlines.answeredOnTime(due, due)).isTrue();
		assertThat(this.deadlines.answeredOnTime(due, due.plusDays(1))).isFalse();
		assertThat(this.deadlines.answeredOnTime(due, null)).isFalse();
	}

	private static CalendarYear shipped2026() {
		try (InputStream in = FeedbackDeadlinesTests.class.getResourceAsStream("/calendar/cn-2026.json")) {
			return JsonMapper.builder().build().readValue(in, CalendarYear.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
