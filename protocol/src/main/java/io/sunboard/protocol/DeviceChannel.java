package io.sunboard.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The last level of a device topic, {@code …/d/{deviceId}/{level}}, with the delivery
 * every publisher on it uses.
 */
public enum DeviceChannel {

	/**
	 * Server to device: full desired state. Retained so a device that (re)connects gets
	 * it at once.
	 */
	MANIFEST("manifest", 1, true),
	/** Server to device: one command, published with a message expiry. */
	COMMAND("cmd", 1, false),
	/**
	 * Server to device: event ids stored, so the device's journal may drop them. At most
	 * once: a lost ack only means the device sends the batch again, which the server
	 * stores once and acknowledges again, so QoS 1's two extra packets and in-flight slot
	 * per batch buy nothing (docs/protocol.md).
	 */
	ACK("ack", 0, false),
	/** Device to server: online / offline; retained, and the last will. */
	STATUS("status", 1, true),
	/** Device to server: heartbeat; losing one is harmless, the next follows. */
	HEARTBEAT("hb", 0, false),
	/** Device to server: a batch of journal events. */
	EVENTS("ev", 1, false);

	private final String level;

	private final int qos;

	private final boolean retained;

	DeviceChannel(String level, int qos, boolean retained) {
		this.level = level;
		this.qos = qos;
		this.retained = retained;
	}

	public String level() {
		return this.level;
	}

	public int qos() {
		return this.qos;
	}

	public boolean retained() {
		return this.retained;
	}

	/**
	 * Whether devices publish on this channel (the server subscribes), rather than
	 * receive.
	 */
	public boolean fromDevice() {
		return this == STATUS || this == HEARTBEAT || this == EVENTS;
	}

	static Optional<DeviceChannel> fromLevel(String level) {
		return Arrays.stream(values()).filter((c) -> c.level.equals(level)).findFirst();
	}

}
