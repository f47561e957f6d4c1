package io.sunboard.server.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
	List<RefusedMessage> acceptAll(List<DeviceMessage> messages) {
		Instant now = this.clock.instant();
		List<RefusedMessage> refused = new ArrayList<>();
		List<Decoded> decoded = new ArrayList<>();
		for (DeviceMessage message : messages) {
			try {
				decoded.add(new Decoded(message, decode(message)));
			}
			catch (MalformedMessageException ex) {
				refused.add(new RefusedMessage(message, ex));
			}
		}
		// what every batch needs to know, asked once for the bunch
		Map<String, Duration> offsets = this.validator
			.activeClockOffsets(decoded.stream().map((d) -> d.message().deviceId()).collect(Collectors.toSet()));
		Set<String> known = this.validator
			.knownPostings(decoded.stream().flatMap((d) -> d.batch().events().stream()).toList());
		List<EventBatch> accepted = new ArrayList<>();
		List<BatchStore.Batch> admitted = new ArrayList<>();
		for (Decoded d : decoded) {
			String deviceId = d.message().deviceId();
			Duration offset = offsets.get(deviceId);
			if (offset == null) {
				refused.add(new RefusedMessage(d.message(),
						new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_DEVICE, deviceId)));
				continue;
			}
			EventValidator.Checked checked = this.validator.check(d.batch().events(), offset, now, known);
			checked.rejected().forEach(this.metrics::rejectedEvents);
			// feedback over the device's hourly allowance is counted and left out, yet
			// acked
			admitted.add(new BatchStore.Batch(deviceId, this.feedbackLimit.admit(deviceId, checked.accepted())));
			accepted.add(d.batch());
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

	private EventBatch decode(DeviceMessage message) throws MalformedMessageException {
		EventBatch batch = this.codec.decode(message.payload(), EventBatch.class);
		if (!batch.deviceId().equals(message.deviceId())) {
			throw new MalformedMessageException(MalformedMessageException.Reason.IDENTITY_MISMATCH,
					"batch claims device '" + batch.deviceId() + "' on the topic of '" + message.deviceId() + "'");
		}
		return batch;
	}

	/** A message and the batch it holds. */
	private record Decoded(DeviceMessage message, EventBatch batch) {

	}

}
