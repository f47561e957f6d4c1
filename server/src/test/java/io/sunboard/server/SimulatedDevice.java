package io.sunboard.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;

/**
 * A screen reduced to what the event protocol asks of it: record events into a journal
 * (here in memory), publish what is unacknowledged, drop an event only when the server's
 * {@code EventAck} names it, and resend the rest after a while. Reconnects on the next
 * {@link #send} after a lost connection (one attempt at a time, like the kiosk's own
 * loop) and subscribes to its ack topic again each time, since every session starts
 * clean. Cheap enough that fifty run in one test JVM.
 */
final class SimulatedDevice implements AutoCloseable {

	private static final JsonCodec CODEC = new JsonCodec();

	private static final Duration RESEND_AFTER = Duration.ofSeconds(2);

	private final String deviceId;

	private final Topics topics;

	private final MqttAsyncClient client;

	private final MqttConnectionOptions options;

	/** Unacknowledged events by id, with when each was last sent (null: never). */
	private final Map<String, Pending> journal = new ConcurrentSkipListMap<>();

	private final AtomicInteger recorded = new AtomicInteger();

	SimulatedDevice(String brokerUrl, Topics topics, String deviceId, String secret) throws MqttException {
		this.deviceId = deviceId;
		this.topics = topics;
		this.client = new MqttAsyncClient(brokerUrl, deviceId, new MemoryPersistence());
		this.options = new MqttConnectionOptions();
		this.options.setUserName(deviceId);
		this.options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		this.options.setCleanStart(true);
		this.options.setAutomaticReconnect(false);
		this.options.setConnectionTimeout(5);
		this.options.setKeepAliveInterval(5);
		this.client.setCallback(new Callback());
	}

	private volatile IMqttToken connecting;

	void connect() throws MqttException {
		this.connecting = this.client.connect(this.options);
		this.connecting.waitForCompletion(15_000);
	}

	private void reconnect() {
		IMqttToken attempt = this.connecting;
		if (attempt != null && !attempt.isComplete()) {
			return;
		}
		try {
			this.connecting = this.client.connect(this.options);
		}
		catch (MqttException ex) {
			// broker still away; the next tick tries again
		}
	}

	/** Journals one new played event; it goes out with the next {@link #send}. */
	void record(String postingId) {
		String id = this.deviceId + "-e" + this.recorded.incrementAndGet();
		this.journal.put(id, new Pending(DeviceEvent.played(id, Instant.now(), postingId, 1000), null));
	}

	/**
	 * Publishes every journaled event never sent or sent longer ago than the resend
	 * delay, in batches; does nothing while disconnected (the journal keeps them).
	 */
	void send(Instant now) {
		if (!this.client.isConnected()) {
			reconnect();
			return;
		}
		List<DeviceEvent> due = new ArrayList<>();
		for (Map.Entry<String, Pending> entry : this.journal.entrySet()) {
			Pending pending = entry.getValue();
			if (pending.sentAt() == null || pending.sentAt().plus(RESEND_AFTER).isBefore(now)) {
				due.add(pending.event());
				this.journal.computeIfPresent(entry.getKey(), (k, p) -> new Pending(p.event(), now));
			}
		}
		for (int from = 0; from < due.size(); from += 100) {
			EventBatch batch = new EventBatch(this.deviceId, due.subList(from, Math.min(due.size(), from + 100)));
			MqttMessage message = new MqttMessage(CODEC.encode(batch));
			message.setQos(1);
			try {
				this.client.publish(this.topics.events(this.deviceId), message);
			}
			catch (MqttException ex) {
				return; // connection lost meanwhile; resent later
			}
		}
	}

	boolean isConnected() {
		return this.client.isConnected();
	}

	int recorded() {
		return this.recorded.get();
	}

	int unacknowledged() {
		return this.journal.size();
	}

	@Override
	public void close() {
		try {
			if (this.client.isConnected()) {
				this.client.disconnect().waitForCompletion(5_000);
			}
			this.client.close(true);
		}
		catch (MqttException ex) {
			// closing anyway
		}
	}

	private record Pending(DeviceEvent event, Instant sentAt) {

	}

	private final class Callback implements MqttCallback {

		@Override
		public void connectComplete(boolean reconnect, String serverURI) {
			try {
				SimulatedDevice.this.client.subscribe(SimulatedDevice.this.topics.ack(SimulatedDevice.this.deviceId),
						1);
			}
			catch (MqttException ex) {
				// the next reconnect subscribes again
			}
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			try {
				EventAck ack = CODEC.decode(message.getPayload(), EventAck.class);
				ack.eventIds().forEach(SimulatedDevice.this.journal::remove);
			}
			catch (MalformedMessageException ex) {
				throw new IllegalStateException("the server sent a malformed ack: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void disconnected(MqttDisconnectResponse response) {
		}

		@Override
		public void mqttErrorOccurred(MqttException exception) {
		}

		@Override
		public void deliveryComplete(IMqttToken token) {
		}

		@Override
		public void authPacketArrived(int reasonCode, MqttProperties properties) {
		}

	}

}
