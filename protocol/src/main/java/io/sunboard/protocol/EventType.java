package io.sunboard.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a device event records. */
public enum EventType {

	/** The device has applied (fetched, verified and swapped in) a manifest version. */
	@JsonProperty("applied")
	APPLIED,
	/** A posting completed one showing on screen. */
	@JsonProperty("played")
	PLAYED

}
