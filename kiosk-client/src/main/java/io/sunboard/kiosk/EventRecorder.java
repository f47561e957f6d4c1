package io.sunboard.kiosk;

import io.sunboard.protocol.DeviceEvent;

/** Where the player and the manifest updater put the events they produce. */
@FunctionalInterface
interface EventRecorder {

	/**
	 * Records the event durably.
	 * @return false when it was refused (the journal is full)
	 */
	boolean record(DeviceEvent event);

}
