package io.sunboard.protocol;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Retained on the device's status topic: {@code online} when it connects, {@code offline}
 * when it shuts down or (as the last will) when the broker loses it. The session epoch
 * tells a stale will from a current session.
 */
public record DeviceStatus(String deviceId, State state, long sessionEpoch, String clientVersion, Instant at) {

	public DeviceStatus {
		Ids.require(deviceId, "deviceId");
		Checks.present(state, "state");
		Checks.nonNegative(sessionEpoch, "sessionEpoch");
		Checks.optionalText(clientVersion, "clientVersion", 64);
		Checks.present(at, "at");
	}

	public enum State {

		@JsonProperty("online")
		ONLINE, @JsonProperty("offline")
		OFFLINE

	}

}
