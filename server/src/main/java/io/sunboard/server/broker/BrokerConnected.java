package io.sunboard.server.broker;

/** The server's broker connection is (again) up and subscribed. */
public record BrokerConnected(boolean reconnect) {

	/**
	 * Retained manifests may be gone: the embedded broker keeps them in memory, and
	 * Mosquitto saves them only periodically. Republishing is cheap; a screen ignores a
	 * version it has applied.
	 */
	public boolean brokerMayHaveLostRetained() {
		return true;
	}

}
