package io.sunboard.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.JsonCodec;

/**
 * The device's MQTT 5 session, on Eclipse Paho's async client with Paho's own reconnect
 * switched off: Paho never retries a failed first connect and keeps its reconnect delay
 * in a static field shared by every client in the JVM. Here each attempt is scheduled by
 * {@link Backoff}, also the first. Every state change runs on the timer thread; Paho's
 * threads only hand work over.
 */
final class PahoConnection implements BrokerConnection {

	private static final Logger log = LoggerFactory.getLogger(PahoConnection.class);

	/**
	 * A connection must last this long before the backoff starts again from 1 s, so two
	 * screens configured with the same device id (each kicking the other off) do not
	 * reconnect every second forever.
	 */
	private static final Duration STABLE = Duration.ofSeconds(60);

	private static final long CLOSE_TIMEOUT_MS = 3000;

	private enum State {

		IDLE, CONNECTING, SUBSCRIBING, CONNECTED, WAITING, CLOSED

	}

	private final Identity identity;

	private final SessionSettings settings;

	private final StatusMessages statuses;

	private final Clock clock;

	private final Backoff backoff;

	private final ScheduledExecutorService timer;

	private final Executor inbox;

	private volatile Listener listener;

	/** Alert topics learned from the manifest, subscribed to at every connect. */
	private final Set<String> extraTopics = new CopyOnWriteArraySet<>();

	private final MqttAsyncClient client;

	private volatile State state = State.IDLE;

	private long sessionEpoch;

	private Instant connectedAt;

	private ScheduledFuture<?> retry;

	PahoConnection(String brokerUrl, Identity identity, String secret, JsonCodec codec, Clock clock, Backoff backoff,
			ScheduledExecutorService timer, Executor inbox, Path caFile) {
		this.identity = identity;
		this.statuses = new StatusMessages(identity, codec, clock);
		this.settings = new SessionSettings(identity, secret, this.statuses, URI.create(brokerUrl), caFile);
		this.clock = clock;
		this.backoff = backoff;
		this.timer = timer;
		this.inbox = inbox;
		try {
			// The journal on disk is the outbox; Paho's own persistence would only
			// duplicate it.
			this.client = new MqttAsyncClient(brokerUrl, identity.deviceId(), new MemoryPersistence());
		}
		catch (MqttException ex) {
			throw new IllegalStateException("Cannot create MQTT client for " + brokerUrl + ": " + ex.getMessage(), ex);
		}
		this.client.setCallback(new PahoCallback(() -> onTimer(this::lost),
				(topic, payload) -> deliver(() -> this.listener.message(topic, payload))));
	}

	@Override
	public void start(Listener listener) {
		this.listener = listener;
		onTimer(() -> {
			if (this.state == State.IDLE) {
				attempt();
			}
		});
	}

	@Override
	public synchronized void subscribe(List<String> topics) {
		this.extraTopics.addAll(topics);
		if (this.state != State.SUBSCRIBING && this.state != State.CONNECTED) {
			return;
		}
		// Subscribing twice to a topic is harmless, so a session being set up gets it
		// too.
		try {
			this.client.subscribe(SessionSettings.alertSubscriptions(topics), null, null, new MqttProperties());
		}
		catch (MqttException ex) {
			log.warn("Subscribing to {} failed ({}); the next session subscribes again", topics, ex.getMessage());
		}
	}

	@Override
	public boolean isConnected() {
		return this.state == State.CONNECTED;
	}

	@Override
	public boolean publish(String topic, byte[] payload, int qos, boolean retained) {
		if (this.state != State.CONNECTED) {
			return false;
		}
		try {
			this.client.publish(topic, payload, qos, retained);
			return true;
		}
		catch (MqttException ex) {
			log.debug("Publish on {} refused by the MQTT client: {}", topic, ex.getMessage());
			return false;
		}
	}

	private synchronized void attempt() {
		if (this.state == State.CLOSED) {
			return;
		}
		this.state = State.CONNECTING;
		this.sessionEpoch = this.clock.millis();
		long epoch = this.sessionEpoch;
		try {
			this.client.connect(this.settings.options(epoch), null, new MqttActionListener() {
				@Override
				public void onSuccess(IMqttToken token) {
					onTimer(() -> connected(epoch));
				}

				@Override
				public void onFailure(IMqttToken token, Throwable failure) {
					onTimer(() -> connectFailed(epoch, failure));
				}
			});
		}
		catch (MqttException | RuntimeException ex) {
			connectFailed(epoch, ex);
		}
	}

	private synchronized void connected(long epoch) {
		if (this.state != State.CONNECTING || epoch != this.sessionEpoch) {
			return;
		}
		this.state = State.SUBSCRIBING;
		this.connectedAt = this.clock.instant();
		log.info("Connected to {} as {}", this.client.getServerURI(), this.identity.deviceId());
		try {
			this.client.publish(this.statuses.topic(), this.statuses.online(epoch));
			this.client.subscribe(this.settings.subscriptions(this.extraTopics), null, new MqttActionListener() {
				@Override
				public void onSuccess(IMqttToken token) {
					onTimer(() -> subscribed(epoch, token.getReasonCodes()));
				}

				@Override
				public void onFailure(IMqttToken token, Throwable failure) {
					onTimer(() -> subscribeFailed(epoch, failure));
				}
			}, new MqttProperties());
		}
		catch (MqttException ex) {
			subscribeFailed(epoch, ex);
		}
	}

	private synchronized void subscribed(long epoch, int[] reasonCodes) {
		if (this.state != State.SUBSCRIBING || epoch != this.sessionEpoch) {
			return;
		}
		if (reasonCodes != null) {
			for (int code : reasonCodes) {
				if (code >= 0x80) {
					log.error(
							"Broker refused a subscription of device {} (reason code 0x{}); check the broker "
									+ "account's ACL allows its manifest, cmd and ack topics",
							this.identity.deviceId(), Integer.toHexString(code));
				}
			}
		}
		this.state = State.CONNECTED;
		deliver(this.listener::connected);
	}

	private synchronized void subscribeFailed(long epoch, Throwable failure) {
		if (this.state != State.SUBSCRIBING || epoch != this.sessionEpoch) {
			return;
		}
		log.warn("Subscribing failed ({}); reconnecting", failure.getMessage());
		try {
			this.client.disconnectForcibly(0, 1000, false);
		}
		catch (MqttException ex) {
			log.debug("Forced disconnect failed: {}", ex.getMessage());
		}
		lost();
	}

	private synchronized void connectFailed(long epoch, Throwable failure) {
		if (this.state != State.CONNECTING || epoch != this.sessionEpoch) {
			return;
		}
		Duration delay = this.backoff.nextDelay();
		log.warn("Cannot connect to {} as {}: {}; retrying in {} ms", this.client.getServerURI(),
				this.identity.deviceId(), describe(failure), delay.toMillis());
		scheduleRetry(delay);
	}

	private synchronized void lost() {
		if (this.state == State.CLOSED || this.state == State.WAITING || this.state == State.CONNECTING) {
			return;
		}
		boolean wasConnected = this.state == State.CONNECTED;
		if (this.connectedAt != null && !this.clock.instant().isBefore(this.connectedAt.plus(STABLE))) {
			this.backoff.reset();
		}
		Duration delay = this.backoff.nextDelay();
		log.warn("Lost the connection to {}; reconnecting in {} ms", this.client.getServerURI(), delay.toMillis());
		scheduleRetry(delay);
		if (wasConnected) {
			deliver(this.listener::disconnected);
		}
	}

	private synchronized void scheduleRetry(Duration delay) {
		if (this.state == State.CLOSED) {
			return;
		}
		this.state = State.WAITING;
		try {
			this.retry = this.timer.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closing: no more attempts
		}
	}

	@Override
	public void close() {
		State before;
		synchronized (this) {
			before = this.state;
			this.state = State.CLOSED;
			if (this.retry != null) {
				this.retry.cancel(false);
			}
		}
		try {
			if (before == State.CONNECTED || before == State.SUBSCRIBING) {
				// A graceful goodbye: the will (also "offline") is discarded on a normal
				// DISCONNECT, so the status is published first.
				this.client.publish(this.statuses.topic(), this.statuses.offline(this.sessionEpoch))
					.waitForCompletion(CLOSE_TIMEOUT_MS);
				this.client.disconnect(CLOSE_TIMEOUT_MS).waitForCompletion(CLOSE_TIMEOUT_MS);
			}
			else if (this.client.isConnected() || before == State.CONNECTING) {
				this.client.disconnectForcibly(0, 1000, false);
			}
		}
		catch (MqttException ex) {
			log.debug("Disconnect while closing failed: {}", ex.getMessage());
		}
		try {
			this.client.close(true);
		}
		catch (MqttException ex) {
			log.debug("Closing the MQTT client failed: {}", ex.getMessage());
		}
	}

	private static String describe(Throwable failure) {
		if (failure instanceof MqttException mqtt && mqtt.getCause() != null) {
			return mqtt.getMessage() + " (" + mqtt.getCause().getMessage() + ")";
		}
		return String.valueOf(failure.getMessage());
	}

	private void onTimer(Runnable work) {
		try {
			this.timer.execute(work);
		}
		catch (RejectedExecutionException ex) {
			// closing: nothing left to do
		}
	}

	private void deliver(Runnable work) {
		try {
			this.inbox.execute(work);
		}
		catch (RejectedExecutionException ex) {
			// closing: nothing left to do
		}
	}

}
