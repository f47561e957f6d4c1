package io.sunboard.kiosk;

import java.util.UUID;

/**
 * Event ids, unique per device across restarts. Random rather than clock-based: a screen
 * without a real-time clock may boot at the same wrong time every day, and a repeated id
 * would make the server drop a real event as a duplicate.
 */
final class EventIds {

	private EventIds() {
	}

	static String next() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
