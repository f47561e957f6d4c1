package io.sunboard.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a device event records. */
public enum EventType {

	/** The device has applied (fetched, verified and swapped in) a manifest version. */
	@JsonProperty("applied")
	APPLIED,
	/** A posting completed one showing on screen. */
	@JsonProperty("played")
	PLAYED,
	/**
	 * Several {@code played} events of one posting folded into one because the device's
	 * journal was full: {@code count} showings, {@code durationMs} in total, the first
	 * beginning at {@code at}, the last at {@code lastAt}.
	 */
	@JsonProperty("played-summary")
	PLAYED_SUMMARY,
	/**
	 * The device's answer to a command: {@code commandId}, {@code outcome},
	 * {@code detail}.
	 */
	@JsonProperty("command-result")
	COMMAND_RESULT,
	/**
	 * A visitor opened a posting on a touch kiosk: {@code postingId}, {@code durationMs}
	 * open.
	 */
	@JsonProperty("interaction")
	INTERACTION,
	/** A visitor answered "was this helpful?" for {@code postingId}: {@code helpful}. */
	@JsonProperty("rating")
	RATING,
	/**
	 * A visitor left feedback on a touch kiosk: {@code category}, {@code text}, optional
	 * {@code contact} phone and {@code postingId}.
	 */
	@JsonProperty("feedback")
	FEEDBACK

}
