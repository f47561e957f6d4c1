package io.sunboard.server.ingest;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.DeviceStatus;
import io.sunboard.protocol.Heartbeat;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.server.device.DeviceStateRepository;

/**
 * Online/offline status and heartbeats, checked against the topic's device before they
 * are recorded.
 */
@Component
class StatusIngest {

	private final DeviceStateRepository states;

	private final JsonCodec codec;

	private final Clock clock;

	private final DevicePresence presence;

	private final ApplicationEventPublisher events;

	StatusIngest(DeviceStateRepository states, JsonCodec codec, Clock clock, DevicePresence presence,
			ApplicationEventPublisher events) {
		this.events = events;
		this.states = states;
		this.presence = presence;
		this.codec = codec;
		this.clock = clock;
	}

	void acceptStatus(String topicDeviceId, byte[] payload) throws MalformedMessageException {
		if (payload.length == 0) {
			return; // a cleared retained status
		}
		DeviceStatus status = this.codec.decode(payload, DeviceStatus.class);
		requireSameDevice(topicDeviceId, status.deviceId());
		Instant now = this.clock.instant();
		this.states.recordStatus(topicDeviceId, status.state() == DeviceStatus.State.ONLINE, status.sessionEpoch(),
				now);
		if (status.state() == DeviceStatus.State.ONLINE) {
			this.presence.heardFrom(topicDeviceId, now);
		}
		this.events.publishEvent(new DeviceStateChanged(topicDeviceId));
	}

	void acceptHeartbeat(String topicDeviceId, byte[] payload) throws MalformedMessageException {
		Heartbeat heartbeat = this.codec.decode(payload, Heartbeat.class);
		requireSameDevice(topicDeviceId, heartbeat.deviceId());
		Instant now = this.clock.instant();
		this.states.recordHeartbeat(heartbeat, now);
		this.presence.heardFrom(topicDeviceId, now);
		this.events.publishEvent(new DeviceStateChanged(topicDeviceId));
	}

	private static void requireSameDevice(String topicDeviceId, String payloadDeviceId)
			throws MalformedMessageException {
		if (!topicDeviceId.equals(payloadDeviceId)) {
			throw new MalformedMessageException(MalformedMessageException.Reason.IDENTITY_MISMATCH,
					"payload claims device '" + payloadDeviceId + "' on the topic of '" + topicDeviceId + "'");
		}
	}

}
