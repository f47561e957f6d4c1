package io.sunboard.server.feedback;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.sunboard.server.calendar.WorkingDayCalendar;

/** Due dates and flags of feedback, counted on the working-day calendar. */
@Component
public class FeedbackDeadlines {

	private final WorkingDayCalendar calendar;

	private final FeedbackSettings settings;

	public FeedbackDeadlines(WorkingDayCalendar calendar, FeedbackSettings settings) {
		this.calendar = calendar;
		this.settings = settings;
	}

	/**
	 * The last day to reply to feedback received on {@code received} (local date at the
	 * school).
	 */
	public LocalDate dueOn(FeedbackKind kind, LocalDate received) {
		return this.calendar.plusWorkingDays(received, this.settings.days(kind));
	}

	/** Open and past its due date. */
	public boolean overdue(LocalDate dueOn, boolean answered, LocalDate today) {
		return !answered && today.isAfter(dueOn);
	}

	/**
	 * Open, not yet overdue, and due within {@code dueSoonDays} working days (today
	 * included when today is the due date).
	 */
	public boolean dueSoon(LocalDate dueOn, boolean answered, LocalDate today) {
		return !answered && !today.isAfter(dueOn)
				&& this.calendar.workingDaysBetween(today, dueOn) <= this.settings.dueSoonDays();
	}

	/** Answered no later than the due date (in the school's time zone). */
	public boolean answeredOnTime(LocalDate dueOn, LocalDate repliedOn) {
		return repliedOn != null && !repliedOn.isAfter(dueOn);
	}

}
