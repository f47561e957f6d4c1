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
	COMMAND_RESULT

}
