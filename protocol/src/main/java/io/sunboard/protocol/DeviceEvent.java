package io.sunboard.protocol;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One journal event. {@code id} is unique per device, so the server stores (device, id)
 * once however often QoS 1 or a replay delivers it.
 *
 * @param manifestVersion for {@code applied}: the version applied
 * @param postingId for {@code played} and {@code played-summary}: the posting shown
 * @param durationMs for {@code played}: how long it was on screen; for
 * {@code played-summary}: the total of the folded showings
 * @param commandId for {@code command-result}: the command answered
 * @param outcome for {@code command-result}: {@code done}, {@code failed},
 * {@code expired} or {@code unsupported}
 * @param detail for {@code command-result}: optional explanation, at most 500 characters
 * @param count for {@code played-summary}: how many showings were folded
 * @param lastAt for {@code played-summary}: when the last folded showing began
 * @param helpful for {@code rating}: the visitor's answer
 * @param category for {@code feedback}: {@code consultation}, {@code complaint} or
 * {@code suggestion}
 * @param text for {@code feedback}: what the visitor wrote, 1-500 characters
 * @param contact for {@code feedback}: optional phone number, 5-20 digits, spaces, '+',
 * '-'
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceEvent(String id, EventType type, Instant at, Long manifestVersion, String postingId,
		Long durationMs, String commandId, String outcome, String detail, Long count, Instant lastAt, Boolean helpful,
		String category, String text, String contact) {

	/** Outcomes of {@code command-result}. */
	public static final Set<String> OUTCOMES = Set.of("done", "failed", "expired", "unsupported");

	/** Categories of {@code feedback}. */
	public static final Set<String> CATEGORIES = Set.of("consultation", "complaint", "suggestion");

	public DeviceEvent {
		Ids.require(id, "event.id");
		Checks.present(type, "event.type");
		Checks.present(at, "event.at");
		switch (type) {
			case APPLIED ->
				Checks.nonNegative(Checks.present(manifestVersion, "event.manifestVersion"), "event.manifestVersion");
			case PLAYED -> {
				Ids.require(postingId, "event.postingId");
				Checks.nonNegative(Checks.present(durationMs, "event.durationMs"), "event.durationMs");
			}
			case PLAYED_SUMMARY -> {
				Ids.require(postingId, "event.postingId");
				Checks.nonNegative(Checks.present(durationMs, "event.durationMs"), "event.durationMs");
				if (Checks.present(count, "event.count") < 1) {
					throw new IllegalArgumentException("event.count must be 1 or more; got " + count);
				}
				if (Checks.present(lastAt, "event.lastAt").isBefore(at)) {
					throw new IllegalArgumentException("event.lastAt must not be before event.at");
				}
			}
			case COMMAND_RESULT -> {
				Ids.require(commandId, "event.commandId");
				if (!OUTCOMES.contains(Checks.present(outcome, "event.outcome"))) {
					throw new IllegalArgumentException("event.outcome must be one of " + OUTCOMES + "; got " + outcome);
				}
				Checks.optionalText(detail, "event.detail", 500);
			}
			case INTERACTION -> {
				Ids.require(postingId, "event.postingId");
				Checks.nonNegative(Checks.present(durationMs, "event.durationMs"), "event.durationMs");
			}
			case RATING -> {
				Ids.require(postingId, "event.postingId");
				Checks.present(helpful, "event.helpful");
			}
			case FEEDBACK -> {
				if (!CATEGORIES.contains(Checks.present(category, "event.category"))) {
					throw new IllegalArgumentException(
							"event.category must be one of " + CATEGORIES + "; got " + category);
				}
				Checks.text(text, "event.text", 500);
				if (contact != null && !contact.matches("[0-9+\\- ]{5,20}")) {
					throw new IllegalArgumentException(
							"event.contact must be a phone number of 5-20 digits, spaces, '+' or '-'");
				}
				if (postingId != null) {
					Ids.require(postingId, "event.postingId");
				}
			}
		}
	}

	public static DeviceEvent applied(String id, Instant at, long manifestVersion) {
		return new DeviceEvent(id, EventType.APPLIED, at, manifestVersion, null, null, null, null, null, null, null,
				null, null, null, null);
	}

	public static DeviceEvent played(String id, Instant at, String postingId, long durationMs) {
		return new DeviceEvent(id, EventType.PLAYED, at, null, postingId, durationMs, null, null, null, null, null,
				null, null, null, null);
	}

	public static DeviceEvent playedSummary(String id, Instant first, Instant last, String postingId, long count,
			long totalDurationMs) {
		return new DeviceEvent(id, EventType.PLAYED_SUMMARY, first, null, postingId, totalDurationMs, null, null, null,
				count, last, null, null, null, null);
	}

	public static DeviceEvent commandResult(String id, Instant at, String commandId, String outcome, String detail) {
		return new DeviceEvent(id, EventType.COMMAND_RESULT, at, null, null, null, commandId, outcome, detail, null,
				null, null, null, null, null);
	}

	public static DeviceEvent interaction(String id, Instant at, String postingId, long durationMs) {
		return new DeviceEvent(id, EventType.INTERACTION, at, null, postingId, durationMs, null, null, null, null, null,
				null, null, null, null);
	}

	public static DeviceEvent rating(String id, Instant at, String postingId, boolean helpful) {
		return new DeviceEvent(id, EventType.RATING, at, null, postingId, null, null, null, null, null, null, helpful,
				null, null, null);
	}

	/**
	 * @param contact optional phone number
	 * @param postingId optional posting the feedback is about
	 */
	public static DeviceEvent feedback(String id, Instant at, String category, String text, String contact,
			String postingId) {
		return new DeviceEvent(id, EventType.FEEDBACK, at, null, postingId, null, null, null, null, null, null, null,
				category, text, contact);
	}

	/**
	 * The feedback text and phone stay out of logs and exception messages: they are a
	 * visitor's personal data.
	 */
	@Override
	public String toString() {
		return "DeviceEvent[id=" + this.id + ", type=" + this.type + ", at=" + this.at + ", postingId=" + this.postingId
				+ ((this.text != null) ? ", text=****" : "") + ((this.contact != null) ? ", contact=****" : "") + "]";
	}

}
