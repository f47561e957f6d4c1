package io.sunboard.kiosk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.Topics;

/** Sends each broker message and connection change to the part that handles it. */
final class MessageRouter implements BrokerConnection.Listener {

	private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);

	private final Identity identity;

	private final ManifestUpdater manifests;

	private final Commands commands;

	private final EventSender events;

	private final Alerts alerts;

	MessageRouter(Identity identity, ManifestUpdater manifests, Commands commands, EventSender events, Alerts alerts) {
		this.identity = identity;
		this.alerts = alerts;
		this.manifests = manifests;
		this.commands = commands;
		this.events = events;
	}

	@Override
	public void connected() {
		this.events.connected();
	}

	@Override
	public void disconnected() {
		this.events.disconnected();
	}

	@Override
	public void message(String topic, byte[] payload) {
		try {
			route(topic, payload);
		}
		catch (RuntimeException ex) {
			log.error("Failed to handle a message on {}", topic, ex);
		}
	}

	private void route(String topic, byte[] payload) {
		if (this.alerts.handles(topic)) {
			this.alerts.received(topic, payload);
			return;
		}
		Topics.DeviceTopic parsed = this.identity.topics().parseDevice(topic).orElse(null);
		if (parsed == null || !parsed.deviceId().equals(this.identity.deviceId())) {
			log.warn("Ignoring message on unexpected topic {}", topic);
			return;
		}
		switch (parsed.channel()) {
			case MANIFEST -> this.manifests.received(payload);
			case COMMAND -> this.commands.received(payload);
			case ACK -> this.events.acknowledged(payload);
			default -> log.warn("Ignoring message on {}: devices do not receive on that channel", topic);
		}
	}

}
