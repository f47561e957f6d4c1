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

	private final String brokerUrl;

	/**
	 * Replaced by a fresh one at each reconnect: a clean start owes the old one nothing.
	 */
	private volatile MqttAsyncClient client;

	private volatile Instant attemptStartedAt = Instant.EPOCH;

	private final MqttConnectionOptions options;

	/** Unacknowledged events by id, with when each was last sent (null: never). */
	private final Map<String, Pending> journal = new ConcurrentSkipListMap<>();

	private final AtomicInteger recorded = new AtomicInteger();

	SimulatedDevice(String brokerUrl, Topics topics, String deviceId, String secret) throws MqttException {
		this.deviceId = deviceId;
		this.topics = topics;
		this.brokerUrl = brokerUrl;
		this.options = new MqttConnectionOptions();
		this.options.setUserName(deviceId);
		this.options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		this.options.setCleanStart(true);
		this.options.setAutomaticReconnect(false);
		this.options.setConnectionTimeout(5);
		this.options.setKeepAliveInterval(5);
	}

	private volatile IMqttToken connecting;

	private volatile String lastError = "";

	/** Why the last reconnect attempt failed, for a failing test's message. */
	String lastError() {
		return this.lastError;
	}

	void connect() throws MqttException {
		reconnect(Instant.now());
		this.connecting.waitForCompletion(15_000);
	}

	/**
	 * One attempt at a time; an attempt that has not finished within the connect timeout
	 * is abandoned, since a token of a failed attempt is not always completed.
	 */
	private void reconnect(Instant now) {
		IMqttToken attempt = this.connecting;
		if (attempt != null && !attempt.isComplete() && now.isBefore(this.attemptStartedAt.plusSeconds(10))) {
			return;
		}
		if (attempt != null) {
			this.lastError = (attempt.getException() != null) ? attempt.getException().toString()
					: "connect attempt did not finish";
		}
		discardClient();
		try {
			MqttAsyncClient fresh = new MqttAsyncClient(this.brokerUrl, this.deviceId, new MemoryPersistence());
			fresh.setCallback(new Callback(fresh));
			this.client = fresh;
			this.attemptStartedAt = now;
			this.connecting = fresh.connect(this.options);
		}
		catch (MqttException ex) {
			// broker still away; the next tick tries again
			this.lastError = ex.toString();
		}
	}

	private void discardClient() {
		MqttAsyncClient old = this.client;
		this.client = null;
		if (old == null) {
			return;
		}
		try {
			old.disconnectForcibly(0, 0, false);
		}
		catch (MqttException ex) {
			// it is going anyway
		}
		try {
			old.close(true);
		}
		catch (MqttException ex) {
			// it is going anyway
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
		MqttAsyncClient current = this.client;
		if (current == null || !current.isConnected()) {
			reconnect(now);
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
				current.publish(this.topics.events(this.deviceId), message);
			}
			catch (MqttException ex) {
				return; // connection lost meanwhile; resent later
			}
		}
	}

	boolean isConnected() {
		MqttAsyncClient current = this.client;
		return current != null && current.isConnected();
	}

	int recorded() {
		return this.recorded.get();
	}

	int unacknowledged() {
		return this.journal.size();
	}

	@Override
	public void close() {
		discardClient();
	}

	private record Pending(DeviceEvent event, Instant sentAt) {

	}

	private final class Callback implements MqttCallback {

		private final MqttAsyncClient owner;

		Callback(MqttAsyncClient owner) {
			this.owner = owner;
		}

		@Override
		public void connectComplete(boolean reconnect, String serverURI) {
			try {
				this.owner.subscribe(SimulatedDevice.this.topics.ack(SimulatedDevice.this.deviceId), 1);
			}
			catch (MqttException ex) {
				// without acks nothing would leave the journal: drop the connection, so
				// the next send reconnects and subscribes again
				try {
					this.owner.disconnectForcibly(0, 0, false);
				}
				catch (MqttException ignored) {
					// lost already
				}
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
