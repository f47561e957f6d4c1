package io.sunboard.server.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * together are stored together. A message that cannot be accepted is logged with its
 * reason and counted, and never stops the messages behind it.
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
		// event batches are collected and stored together; a device's status or heartbeat
		// waits until its events before it are stored, to keep the device's order
		List<EventIngest.Inbound> events = new ArrayList<>();
		Set<String> withEvents = new HashSet<>();
		for (MqttMessageReceived message : received.messages()) {
			Optional<Topics.DeviceTopic> topic = this.topics.parseDevice(message.topic());
			if (topic.isPresent() && topic.get().channel() == DeviceChannel.EVENTS) {
				events.add(new EventIngest.Inbound(topic.get().deviceId(), message.payload()));
				withEvents.add(topic.get().deviceId());
				continue;
			}
			if (topic.isPresent() && withEvents.contains(topic.get().deviceId())) {
				storeEvents(events);
				withEvents.clear();
			}
			onMessage(message.topic(), topic, message.payload());
		}
		storeEvents(events);
	}

	private void storeEvents(List<EventIngest.Inbound> events) {
		if (events.isEmpty()) {
			return;
		}
		List<EventIngest.Refused> refused;
		try {
			refused = this.events.acceptAll(List.copyOf(events));
		}
		catch (RuntimeException ex) {
			// e.g. the database away: nothing is acknowledged, so the devices send again
			log.error("Storing {} event batches failed", events.size(), ex);
			return;
		}
		finally {
			events.clear();
		}
		for (EventIngest.Refused r : refused) {
			this.metrics.rejected(DeviceChannel.EVENTS.level(), r.reason().reason());
			log.warn("Rejected message on {}: {}", this.topics.events(r.message().deviceId()), r.reason().getMessage());
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
				case HEARTBEAT -> this.status.acceptHeartbeat(topic.get().deviceId(), payload);
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

}
