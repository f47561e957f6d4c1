package io.sunboard.server.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.MqttPublisher;
import io.sunboard.server.ratelimit.FeedbackRateLimit;

/**
 * Stores a device's event batch once per (device, event id) and then acknowledges every
 * event in it, duplicates and refused events included, so the device's journal can let
 * them go. The acknowledgement goes out only after the batch committed.
 */
@Component
class EventIngest {

	private final BatchStore store;

	private final EventValidator validator;

	private final MqttPublisher publisher;

	private final Topics topics;

	private final JsonCodec codec;

	private final IngestMetrics metrics;

	private final Clock clock;

	private final FeedbackRateLimit feedbackLimit;

	EventIngest(BatchStore store, EventValidator validator, MqttPublisher publisher, Topics topics, JsonCodec codec,
			IngestMetrics metrics, Clock clock, FeedbackRateLimit feedbackLimit) {
		this.feedbackLimit = feedbackLimit;
		this.store = store;
		this.validator = validator;
		this.publisher = publisher;
		this.topics = topics;
		this.codec = codec;
		this.metrics = metrics;
		this.clock = clock;
	}

	public void accept(String topicDeviceId, byte[] payload) throws MalformedMessageException {
		EventBatch batch = this.codec.decode(payload, EventBatch.class);
		if (!batch.deviceId().equals(topicDeviceId)) {
			throw new MalformedMessageException(MalformedMessageException.Reason.IDENTITY_MISMATCH,
					"batch claims device '" + batch.deviceId() + "' on the topic of '" + topicDeviceId + "'");
		}
		Duration offset = this.validator.activeClockOffset(topicDeviceId)
			.orElseThrow(() -> new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_DEVICE,
					topicDeviceId));
		Instant now = this.clock.instant();
		EventValidator.Checked checked = this.validator.check(batch.events(), offset, now);
		checked.rejected().forEach(this.metrics::rejectedEvents);
		// feedback over the device's hourly allowance is counted and left out, yet acked
		List<DeviceEvent> admitted = this.feedbackLimit.admit(topicDeviceId, checked.accepted());
		List<DeviceEvent> stored = this.store.store(topicDeviceId, admitted, now);
		this.metrics.stored(stored, now);
		this.metrics.duplicates(admitted.size() - stored.size());
		EventAck ack = new EventAck(batch.events().stream().map(DeviceEvent::id).distinct().toList());
		DeviceChannel channel = DeviceChannel.ACK;
		this.publisher.publish(this.topics.ack(topicDeviceId), this.codec.encode(ack), channel.qos(),
				channel.retained());
	}

}
