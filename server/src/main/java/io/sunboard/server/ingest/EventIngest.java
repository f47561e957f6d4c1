package io.sunboard.server.ingest;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.MqttPublisher;
import io.sunboard.server.device.DeviceRepository;
import io.sunboard.server.ratelimit.FeedbackRateLimit;

/**
 * Stores a device's event batch once per (device, event id) and then acknowledges every
 * event in it, duplicates included, so the device's journal can let them go.
 */
@Component
class EventIngest {

	private final DeviceEventRepository repository;

	private final DeviceRepository devices;

	private final MqttPublisher publisher;

	private final Topics topics;

	private final JsonCodec codec;

	private final IngestMetrics metrics;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final FeedbackRateLimit feedbackLimit;

	EventIngest(DeviceEventRepository repository, DeviceRepository devices, MqttPublisher publisher, Topics topics,
			JsonCodec codec, IngestMetrics metrics, Clock clock, ApplicationEventPublisher events,
			FeedbackRateLimit feedbackLimit) {
		this.feedbackLimit = feedbackLimit;
		this.events = events;
		this.repository = repository;
		this.devices = devices;
		this.publisher = publisher;
		this.topics = topics;
		this.codec = codec;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Transactional
	public void accept(String topicDeviceId, byte[] payload) throws MalformedMessageException {
		EventBatch batch = this.codec.decode(payload, EventBatch.class);
		if (!batch.deviceId().equals(topicDeviceId)) {
			throw new MalformedMessageException(MalformedMessageException.Reason.IDENTITY_MISMATCH,
					"batch claims device '" + batch.deviceId() + "' on the topic of '" + topicDeviceId + "'");
		}
		if (this.devices.activeSecretHash(topicDeviceId).isEmpty()) {
			throw new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_DEVICE, topicDeviceId);
		}
		// feedback over the device's hourly allowance is counted and left out, yet acked
		// below
		List<DeviceEvent> admitted = this.feedbackLimit.admit(topicDeviceId, batch.events());
		List<DeviceEvent> stored = this.repository.insertNew(topicDeviceId, admitted, this.clock.instant());
		this.metrics.stored(stored.size());
		this.metrics.duplicates(admitted.size() - stored.size());
		if (!stored.isEmpty()) {
			this.events.publishEvent(new EventsStored(topicDeviceId, stored));
		}
		EventAck ack = new EventAck(batch.events().stream().map(DeviceEvent::id).toList());
		DeviceChannel channel = DeviceChannel.ACK;
		this.publisher.publish(this.topics.ack(topicDeviceId), this.codec.encode(ack), channel.qos(),
				channel.retained());
	}

}
