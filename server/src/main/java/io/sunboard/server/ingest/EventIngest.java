package io.sunboard.server.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * them go. The acknowledgement goes out only after the batch committed. Batches that
 * arrive together are stored in one transaction ({@link BatchStore#storeAll}).
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

	/**
	 * Checks each message, stores the admitted events of all of them in one transaction
	 * and acknowledges each device's batch once that committed. Returns the messages
	 * refused, with the reason; a refused message spoils nothing for the others.
	 */
	List<Refused> acceptAll(List<Inbound> messages) {
		Instant now = this.clock.instant();
		List<Refused> refused = new ArrayList<>();
		List<EventBatch> accepted = new ArrayList<>();
		List<BatchStore.Batch> admitted = new ArrayList<>();
		for (Inbound message : messages) {
			try {
				EventBatch batch = check(message, now, admitted);
				accepted.add(batch);
			}
			catch (MalformedMessageException ex) {
				refused.add(new Refused(message, ex));
			}
		}
		if (accepted.isEmpty()) {
			return refused;
		}
		List<List<DeviceEvent>> stored = this.store.storeAll(admitted, now);
		for (int i = 0; i < accepted.size(); i++) {
			if (stored.get(i) == null) {
				continue; // not stored: no acknowledgement, so the device sends it again
			}
			this.metrics.stored(stored.get(i), now);
			this.metrics.duplicates(admitted.get(i).events().size() - stored.get(i).size());
			EventBatch batch = accepted.get(i);
			EventAck ack = new EventAck(batch.events().stream().map(DeviceEvent::id).distinct().toList());
			DeviceChannel channel = DeviceChannel.ACK;
			this.publisher.publish(this.topics.ack(batch.deviceId()), this.codec.encode(ack), channel.qos(),
					channel.retained());
		}
		return refused;
	}

	private EventBatch check(Inbound message, Instant now, List<BatchStore.Batch> admitted)
			throws MalformedMessageException {
		String topicDeviceId = message.deviceId();
		EventBatch batch = this.codec.decode(message.payload(), EventBatch.class);
		if (!batch.deviceId().equals(topicDeviceId)) {
			throw new MalformedMessageException(MalformedMessageException.Reason.IDENTITY_MISMATCH,
					"batch claims device '" + batch.deviceId() + "' on the topic of '" + topicDeviceId + "'");
		}
		Duration offset = this.validator.activeClockOffset(topicDeviceId)
			.orElseThrow(() -> new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_DEVICE,
					topicDeviceId));
		EventValidator.Checked checked = this.validator.check(batch.events(), offset, now);
		checked.rejected().forEach(this.metrics::rejectedEvents);
		// feedback over the device's hourly allowance is counted and left out, yet acked
		admitted.add(new BatchStore.Batch(topicDeviceId, this.feedbackLimit.admit(topicDeviceId, checked.accepted())));
		return batch;
	}

	/** An event batch as it came in, on the topic of {@code deviceId}. */
	record Inbound(String deviceId, byte[] payload) {

	}

	/** A message refused as a whole, and why. */
	record Refused(Inbound message, MalformedMessageException reason) {

	}

}
