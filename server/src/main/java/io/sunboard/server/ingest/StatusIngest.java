package io.sunboard.server.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Records the well-formed heartbeats together (one commit for a bunch) and returns
	 * those refused, with the reason.
	 */
	List<RefusedMessage> acceptHeartbeats(List<DeviceMessage> messages) {
		List<RefusedMessage> refused = new ArrayList<>();
		List<Heartbeat> heartbeats = new ArrayList<>();
		for (DeviceMessage message : messages) {
			try {
				Heartbeat heartbeat = this.codec.decode(message.payload(), Heartbeat.class);
				requireSameDevice(message.deviceId(), heartbeat.deviceId());
				heartbeats.add(heartbeat);
			}
			catch (MalformedMessageException ex) {
				refused.add(new RefusedMessage(message, ex));
			}
		}
		if (heartbeats.isEmpty()) {
			return refused;
		}
		Instant now = this.clock.instant();
		this.states.recordHeartbeats(heartbeats, now);
		for (Heartbeat heartbeat : heartbeats) {
			this.presence.heardFrom(heartbeat.deviceId(), now);
			this.events.publishEvent(new DeviceStateChanged(heartbeat.deviceId()));
		}
		return refused;
	}

	private static void requireSameDevice(String topicDeviceId, String payloadDeviceId)
			throws MalformedMessageException {
		if (!topicDeviceId.equals(payloadDeviceId)) {
			throw new MalformedMessageException(MalformedMessageException.Reason.IDENTITY_MISMATCH,
					"payload claims device '" + payloadDeviceId + "' on the topic of '" + topicDeviceId + "'");
		}
	}

}
