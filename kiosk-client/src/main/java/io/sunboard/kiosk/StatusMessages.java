package io.sunboard.kiosk;

import java.time.Clock;

import org.eclipse.paho.mqttv5.common.MqttMessage;

import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.DeviceStatus;
import io.sunboard.protocol.JsonCodec;

/**
 * The device's retained {@code online} / {@code offline} messages. Each session's epoch
 * (its connect time) is in both, so the server can tell a stale last will from the
 * current session.
 */
final class StatusMessages {

	private final Identity identity;

	private final JsonCodec codec;

	private final Clock clock;

	StatusMessages(Identity identity, JsonCodec codec, Clock clock) {
		this.identity = identity;
		this.codec = codec;
		this.clock = clock;
	}

	String topic() {
		return this.identity.topics().status(this.identity.deviceId());
	}

	MqttMessage online(long epoch) {
		return message(DeviceStatus.State.ONLINE, epoch);
	}

	/** Both the last will and the goodbye of a graceful shutdown. */
	MqttMessage offline(long epoch) {
		return message(DeviceStatus.State.OFFLINE, epoch);
	}

	private MqttMessage message(DeviceStatus.State state, long epoch) {
		byte[] payload = this.codec.encode(new DeviceStatus(this.identity.deviceId(), state, epoch,
				this.identity.clientVersion(), this.clock.instant()));
		return new MqttMessage(payload, DeviceChannel.STATUS.qos(), DeviceChannel.STATUS.retained(), null);
	}

}
