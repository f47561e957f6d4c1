package io.sunboard.protocol;

import java.util.List;

/**
 * The server's receipt for stored events (duplicates included, since they are stored
 * already). Only then may a device drop them from its journal; the broker's PUBACK says
 * nothing about the database.
 */
public record EventAck(List<String> eventIds) {

	public EventAck {
		eventIds = Checks.list(eventIds, "eventIds", EventBatch.MAX_EVENTS);
	}

}
