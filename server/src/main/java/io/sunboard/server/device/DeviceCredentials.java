package io.sunboard.server.device;

/** What a screen needs to connect: its id (also its MQTT username) and its secret. */
public record DeviceCredentials(String deviceId, String secret) {

	@Override
	public String toString() {
		return "DeviceCredentials[deviceId=" + this.deviceId + ", secret=***]";
	}

}
