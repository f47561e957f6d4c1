package io.sunboard.server.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.MqttMessageReceived;
import io.sunboard.server.broker.MqttMessagesReceived;

/**
 * Sends each inbound message to the handler for its channel; event batches that arrived
 * together are stored together, and heartbeats recorded together. A message that cannot
 * be accepted is logged with its reason and counted, and never stops the messages behind
 * it.
 */
@Component
class InboundRouter {

	private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);

	private final Topics topics;

	private final EventIngest events;

	private final StatusIngest status;

	private final IngestMetrics metrics;

	InboundRouter(Topics topics, EventIngest events, StatusIngest status, IngestMetrics metrics) {
		this.topics = topics;
		this.events = events;
		this.status = status;
		this.metrics = metrics;
	}

	@EventListener
	void onMessages(MqttMessagesReceived received) {
		// event batches are stored together and heartbeats recorded together; a device's
		// message waits until its messages before it in the other group, or its status,
		// are handled, to keep the device's order
		Pending events = new Pending();
		Pending heartbeats = new Pending();
		for (MqttMessageReceived message : received.messages()) {
			Optional<Topics.DeviceTopic> topic = this.topics.parseDevice(message.topic());
			if (topic.isEmpty()) {
				onMessage(message.topic(), topic, message.payload());
				continue;
			}
			String deviceId = topic.get().deviceId();
			DeviceChannel channel = topic.get().channel();
			if (channel != DeviceChannel.EVENTS && events.has(deviceId)) {
				storeEvents(events.take());
			}
			if (channel != DeviceChannel.HEARTBEAT && heartbeats.has(deviceId)) {
				recordHeartbeats(heartbeats.take());
			}
			switch (channel) {
				case EVENTS -> events.add(new DeviceMessage(deviceId, message.payload()));
				case HEARTBEAT -> heartbeats.add(new DeviceMessage(deviceId, message.payload()));
				default -> onMessage(message.topic(), topic, message.payload());
			}
		}
		storeEvents(events.take());
		recordHeartbeats(heartbeats.take());
	}

	private void storeEvents(List<DeviceMessage> events) {
		if (events.isEmpty()) {
			return;
		}
		List<RefusedMessage> refused;
		try {
			refused = this.events.acceptAll(events);
		}
		catch (RuntimeException ex) {
			// e.g. the database away: nothing is acknowledged, so the devices send again
			log.error("Storing {} event batches failed", events.size(), ex);
			return;
		}
		count(DeviceChannel.EVENTS, refused, this.topics::events);
	}

	private void recordHeartbeats(List<DeviceMessage> heartbeats) {
		if (heartbeats.isEmpty()) {
			return;
		}
		List<RefusedMessage> refused;
		try {
			refused = this.status.acceptHeartbeats(heartbeats);
		}
		catch (RuntimeException ex) {
			// e.g. the database away: each screen's next heartbeat says the same, newer
			log.error("Recording {} heartbeats failed", heartbeats.size(), ex);
			return;
		}
		count(DeviceChannel.HEARTBEAT, refused, this.topics::heartbeat);
	}

	private void count(DeviceChannel channel, List<RefusedMessage> refused, UnaryOperator<String> topicOf) {
		for (RefusedMessage r : refused) {
			this.metrics.rejected(channel.level(), r.reason().reason());
			log.warn("Rejected message on {}: {}", topicOf.apply(r.message().deviceId()), r.reason().getMessage());
		}
	}

	private void onMessage(String topicName, Optional<Topics.DeviceTopic> topic, byte[] payload) {
		String channel = topic.map((t) -> t.channel().level()).orElse("unknown");
		try {
			if (topic.isEmpty()) {
				throw new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_TOPIC, topicName);
			}
			switch (topic.get().channel()) {
				case STATUS -> this.status.acceptStatus(topic.get().deviceId(), payload);
				default -> throw new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_TOPIC,
						"devices do not publish on " + topicName);
			}
		}
		catch (MalformedMessageException ex) {
			this.metrics.rejected(channel, ex.reason());
			log.warn("Rejected message on {}: {}", topicName, ex.getMessage());
		}
		catch (RuntimeException ex) {
			// e.g. the database away: counted nowhere else, and must not stop the rest
			log.error("Handling a message on {} failed", topicName, ex);
		}
	}

	/** Messages of one channel waiting to be handled together, and their devices. */
	private static final class Pending {

		private final List<DeviceMessage> messages = new ArrayList<>();

		private final Set<String> devices = new HashSet<>();

		void add(DeviceMessage message) {
			this.messages.add(message);
			this.devices.add(message.deviceId());
		}

		boolean has(String deviceId) {
			return this.devices.contains(deviceId);
		}

		List<DeviceMessage> take() {
			List<DeviceMessage> taken = List.copyOf(this.messages);
			this.messages.clear();
			this.devices.clear();
			return taken;
		}

	}

}
