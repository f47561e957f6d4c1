package io.sunboard.protocol;

import java.util.List;

/** Events a device sends in one QoS 1 publish on its event topic. */
public record EventBatch(String deviceId, List<DeviceEvent> events) {

	public static final int MAX_EVENTS = 500;

	public EventBatch {
		Ids.require(deviceId, "deviceId");
		events = Checks.list(events, "events", MAX_EVENTS);
		if (events.isEmpty()) {
			throw new IllegalArgumentException("events must hold at least one event");
		}
	}

}
