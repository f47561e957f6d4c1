package io.sunboard.server.ingest;

import java.util.List;

import io.sunboard.protocol.DeviceEvent;

/**
 * Published inside the storing transaction with the events of a batch that were new
 * (duplicates left out); listen with {@code @TransactionalEventListener} to act only once
 * they are committed (the live dashboard, the feedback inbox's counters).
 */
public record EventsStored(String deviceId, List<DeviceEvent> events) {

	public EventsStored {
		events = List.copyOf(events);
	}

}
