package io.sunboard.kiosk;

import io.sunboard.protocol.Topics;

/**
 * Who this kiosk is on the wire: its id, its topics and the client version it reports.
 */
record Identity(String deviceId, Topics topics, String clientVersion) {

	static Identity of(KioskConfig config) {
		return new Identity(config.deviceId(), new Topics(config.topicRoot()), ClientVersion.current());
	}

}
