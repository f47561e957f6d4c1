package io.sunboard.server.ingest;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.MqttMessageReceived;

/**
 * Sends each inbound message to the handler for its channel. A message that cannot be
 * accepted is logged with its reason and counted, and never stops the messages behind it.
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
	void onMessage(MqttMessageReceived message) {
		Optional<Topics.DeviceTopic> topic = this.topics.parseDevice(message.topic());
		String channel = topic.map((t) -> t.channel().level()).orElse("unknown");
		try {
			if (topic.isEmpty()) {
				throw new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_TOPIC, message.topic());
			}
			switch (topic.get().channel()) {
				case EVENTS -> this.events.accept(topic.get().deviceId(), message.payload());
				case STATUS -> this.status.acceptStatus(topic.get().deviceId(), message.payload());
				case HEARTBEAT -> this.status.acceptHeartbeat(topic.get().deviceId(), message.payload());
				default -> throw new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_TOPIC,
						"devices do not publish on " + message.topic());
			}
		}
		catch (MalformedMessageException ex) {
			this.metrics.rejected(channel, ex.reason());
			log.warn("Rejected message on {}: {}", message.topic(), ex.getMessage());
		}
	}

}
