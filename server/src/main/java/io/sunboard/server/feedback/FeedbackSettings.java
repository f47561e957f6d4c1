package io.sunboard.server.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reply deadlines in working days, counted from the day the feedback was received (that
 * day itself does not count).
 *
 * @param consultationDays 咨询, 2 working days by default
 * @param complaintDays 投诉, 10 working days by default
 * @param suggestionDays 建议; no national rule, 15 working days by default
 * @param dueSoonDays an open item is "due soon" when its due date is at most this many
 * working days away
 */
@ConfigurationProperties("sunboard.feedback")
public record FeedbackSettings(@DefaultValue("2") int consultationDays, @DefaultValue("10") int complaintDays,
		@DefaultValue("15") int suggestionDays, @DefaultValue("1") int dueSoonDays) {

	public FeedbackSettings {
		if (consultationDays < 0 || complaintDays < 0 || suggestionDays < 0 || dueSoonDays < 0) {
			throw new IllegalArgumentException("sunboard.feedback.*-days must be zero or more working days");
		}
	}

	int days(FeedbackKind kind) {
		return switch (kind) {
			case CONSULTATION -> this.consultationDays;
			case COMPLAINT -> this.complaintDays;
			case SUGGESTION -> this.suggestionDays;
		};
	}

}
