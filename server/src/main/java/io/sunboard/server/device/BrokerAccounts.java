package io.sunboard.server.device;

import io.sunboard.server.school.School;

/**
 * Keeps the broker's accounts in step with the device registry. The embedded broker asks
 * the registry on every connect, so it needs nothing; Mosquitto gets a dynamic-security
 * client and role.
 */
public interface BrokerAccounts {

	void provision(Device device, School school, String secret);

	/**
	 * Replaces the device's secret and disconnects it, so it must reconnect with the new
	 * one.
	 */
	void rotate(Device device, String secret);

	/** Cuts the device off: disconnected now, refused on its next connect. */
	void revoke(Device device);

}
