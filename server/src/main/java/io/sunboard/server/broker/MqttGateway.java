package io.sunboard.server.broker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import io.sunboard.protocol.BrokerTls;
import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.Topics;
import io.sunboard.server.system.Threads;

/**
 * The server's one MQTT connection. Inbound messages leave Paho's thread at once and are
 * handed on as {@link MqttMessagesReceived} events, on one of a few lanes chosen by the
 * device, so each device's messages keep their arrival order while different devices'
 * batches are stored in parallel; those that gathered on a lane go on together
 * ({@link InboundLanes}); outbound ones are buffered by Paho while the broker is away.
 * The first connect is retried here, since Paho only retries after a success.
 */
public class MqttGateway implements MqttPublisher, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MqttGateway.class);

	private final URI url;

	private final ServerAccount account;

	private final Topics topics;

	private final ApplicationEventPublisher events;

	private static final int LANES = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));

	private final InboundLanes inbound;

	private final ExecutorService connector = Executors.newSingleThreadExecutor(Threads.named("mqtt-connect"));

	private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);

	/** How long after a burst its last messages may still await the broker. */
	private static final long BURST_TAIL_NANOS = Duration.ofSeconds(1).toNanos();

	/**
	 * Publishes that make a burst: a region's fan-out. The roll-forward runs a dispatch
	 * of every school each minute and usually publishes nothing; a change at a few
	 * screens is a handful. Neither holds anything back.
	 */
	static final int BURST_SIZE = 100;

	/** Bursts running now. */
	private final AtomicInteger bursts = new AtomicInteger();

	/** Published since the first of the running bursts began. */
	private final AtomicInteger burstPublishes = new AtomicInteger();

	private volatile long lastBurstEnded = System.nanoTime() - BURST_TAIL_NANOS;

	/** Bursts that held inbound messages back, for {@code sunboard.mqtt.bursts}. */
	private final AtomicLong heldBursts = new AtomicLong();

	private final Object deliveries = new Object();

	private volatile MqttAsyncClient client;

	private volatile boolean running;

	private volatile boolean everConnected;

	/** Counts the connections made; a subscription retry belongs to one of them. */
	private final AtomicLong connections = new AtomicLong();

	/** Null for a plain connection or the JVM's trust store. */
	private final Path caFile;

	MqttGateway(URI url, ServerAccount account, Topics topics, ApplicationEventPublisher events) {
		this(url, null, account, topics, events);
	}

	MqttGateway(URI url, Path caFile, ServerAccount account, Topics topics, ApplicationEventPublisher events) {
		this.url = url;
		this.caFile = caFile;
		this.account = account;
		this.topics = topics;
		this.events = events;
		this.inbound = new InboundLanes(LANES, InboundLanes.LINGER, this::outboundBurst, InboundLanes.MAX_HOLD,
				this::handOn);
	}

	@Override
	public void start() {
		try {
			String clientId = "sunboard-server-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
			this.client = new MqttAsyncClient(this.url.toString(), clientId, new MemoryPersistence());
			DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
			buffer.setBufferEnabled(true);
			buffer.setBufferSize(100_000);
			buffer.setPersistBuffer(false);
			buffer.setDeleteOldestMessages(true);
			this.client.setBufferOpts(buffer);
			this.client.setCallback(new Callback());
		}
		catch (MqttException ex) {
			throw new IllegalStateException("cannot create the MQTT client for " + this.url, ex);
		}
		this.running = true;
		this.connector.execute(this::connectUntilUp);
	}

	private void connectUntilUp() {
		long delayMs = 500;
		while (this.running) {
			try {
				this.client.connect(options()).waitForCompletion(10_000);
				return;
			}
			catch (MqttException ex) {
				log.warn("Cannot reach MQTT broker {} ({}); retrying in {} ms", this.url, ex.getMessage(), delayMs);
				try {
					TimeUnit.MILLISECONDS.sleep(delayMs + ThreadLocalRandom.current().nextLong(delayMs / 2 + 1));
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return;
				}
				delayMs = Math.min(delayMs * 2, 30_000);
			}
		}
	}

	private MqttConnectionOptions options() {
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(this.account.username());
		options.setPassword(this.account.password().getBytes(StandardCharsets.UTF_8));
		options.setCleanStart(true);
		options.setAutomaticReconnect(true);
		options.setAutomaticReconnectDelay(1, 30);
		options.setKeepAliveInterval(30);
		options.setConnectionTimeout(10);
		SSLSocketFactory tls = BrokerTls.socketFactory(this.url, this.caFile, "sunboard.broker.external.ca-file");
		options.setSocketFactory((tls != null) ? NoDelaySockets.tls(tls) : NoDelaySockets.plain());
		return options;
	}

	public boolean isConnected() {
		MqttAsyncClient c = this.client;
		return c != null && c.isConnected();
	}

	@Override
	public void publish(String topic, byte[] payload, int qos, boolean retained) {
		if (this.bursts.get() > 0) {
			this.burstPublishes.incrementAndGet();
		}
		if (!this.everConnected) {
			// Paho buffers only after a first connect. Nothing is lost: every stored
			// manifest is
			// republished when the connection comes up, and devices resend unacknowledged
			// events.
			log.debug("Not connected yet; {} goes out when the broker connection comes up", topic);
			return;
		}
		MqttMessage message = new MqttMessage(payload);
		message.setQos(qos);
		message.setRetained(retained);
		send(topic, message);
	}

	/**
	 * Publishes, waiting while the broker's receive maximum of QoS 1 messages is in
	 * flight (HiveMQ's default is 10, Mosquitto's max_inflight_messages 20): Paho refuses
	 * the publish then instead of queueing it, which dropped all but the first few
	 * manifests of a fan-out to hundreds of screens (found by bench/FanOutBench).
	 */
	private void send(String topic, MqttMessage message) {
		long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
		while (true) {
			try {
				this.client.publish(topic, message);
				return;
			}
			catch (MqttException ex) {
				if (ex.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
						|| System.nanoTime() > deadline) {
					// the disconnected buffer is full, the client is closing, or the
					// broker
					// has not acknowledged anything for a long time
					log.warn("Could not publish to {}: {}", topic, ex.getMessage());
					return;
				}
				awaitDelivery();
			}
		}
	}

	private void awaitDelivery() {
		synchronized (this.deliveries) {
			try {
				// woken by deliveryComplete; the timeout covers a completion that came
				// between the refusal and this wait
				this.deliveries.wait(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Publishes a message the broker drops after {@code expirySeconds} if the device has
	 * not taken it.
	 */
	public void publishExpiring(String topic, byte[] payload, int qos, long expirySeconds) {
		if (!this.everConnected) {
			log.debug("Not connected yet; dropping expiring message to {}", topic);
			return;
		}
		MqttMessage message = new MqttMessage(payload);
		message.setQos(qos);
		MqttProperties properties = new MqttProperties();
		properties.setMessageExpiryInterval(expirySeconds);
		message.setProperties(properties);
		send(topic, message);
	}

	private void subscribe() throws MqttException {
		MqttSubscription[] subscriptions = { sub(DeviceChannel.EVENTS), sub(DeviceChannel.STATUS),
				sub(DeviceChannel.HEARTBEAT) };
		IMqttToken token = this.client.subscribe(subscriptions);
		token.waitForCompletion(10_000);
		SubscribeRetry.requireGranted(token.getReasonCodes(),
				Arrays.stream(subscriptions).map(MqttSubscription::getTopic).toList());
	}

	private MqttSubscription sub(DeviceChannel channel) {
		return new MqttSubscription(this.topics.sharedSubscription(channel), Math.max(1, channel.qos()));
	}

	@Override
	public void stop() {
		this.running = false;
		this.connector.shutdownNow();
		try {
			if (this.client.isConnected()) {
				this.client.disconnect().waitForCompletion(5_000);
			}
			this.client.close();
		}
		catch (MqttException ex) {
			log.debug("MQTT client closed with {}", ex.getMessage());
		}
		try {
			this.inbound.shutdown(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void burst(Runnable work) {
		if (this.bursts.getAndIncrement() == 0) {
			this.burstPublishes.set(0);
		}
		try {
			work.run();
		}
		finally {
			boolean held = this.burstPublishes.get() >= BURST_SIZE;
			if (held) {
				this.lastBurstEnded = System.nanoTime();
			}
			if (this.bursts.decrementAndGet() == 0 && held) {
				this.heldBursts.incrementAndGet();
			}
		}
	}

	/** How many bursts were large enough to hold inbound messages back, since start. */
	public long heldBursts() {
		return this.heldBursts.get();
	}

	/**
	 * Whether a burst of publishes is on its way out: one is running and has published
	 * {@link #BURST_SIZE} messages, or ended less than a second ago with messages still
	 * awaiting the broker's acknowledgement (Paho keeps up to the broker's receive
	 * maximum, 1000, in flight). Inbound bunches wait for it (see {@link InboundLanes}).
	 */
	boolean outboundBurst() {
		if (this.bursts.get() > 0) {
			return this.burstPublishes.get() >= BURST_SIZE;
		}
		MqttAsyncClient c = this.client;
		return System.nanoTime() - this.lastBurstEnded < BURST_TAIL_NANOS && c != null
				&& c.getInFlightMessageCount() > 0;
	}

	/** A device's status, heartbeats and events share a lane, in arrival order. */
	private String laneKey(String topic) {
		return this.topics.parseDevice(topic).map(Topics.DeviceTopic::deviceId).orElse(topic);
	}

	private void handOn(List<MqttMessageReceived> bunch) {
		this.events.publishEvent(new MqttMessagesReceived(bunch));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// after the web server and the embedded broker, so devices can fetch what they
		// are told about
		return Integer.MAX_VALUE - 100;
	}

	private final class Callback implements MqttCallback {

		@Override
		public void connectComplete(boolean reconnect, String serverURI) {
			MqttGateway.this.everConnected = true;
			long connection = MqttGateway.this.connections.incrementAndGet();
			if (!MqttGateway.this.running) {
				return; // stopping: the connector takes no more work
			}
			// Subscribe from our own thread (Paho's callback thread must not wait on its
			// own tokens), and again until it holds. A lost connection's attempts give
			// way to the next connection's.
			MqttGateway.this.connector.execute(() -> {
				boolean held = SubscribeRetry.untilHeld(MqttGateway.this::subscribe,
						() -> MqttGateway.this.running
								&& MqttGateway.this.connections.get() == connection && isConnected(),
						TimeUnit.MILLISECONDS::sleep,
						(ex, delayMs) -> log.error(
								"Subscribing at {} failed; device events do not arrive until it holds. Trying again in {} ms",
								serverURI, delayMs, ex));
				if (held) {
					log.info("Connected to MQTT broker {} ({})", serverURI, reconnect ? "reconnect" : "first connect");
					MqttGateway.this.events.publishEvent(new BrokerConnected(reconnect));
				}
			});
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			MqttGateway.this.inbound.offer(laneKey(topic), new MqttMessageReceived(topic, message.getPayload()));
		}

		@Override
		public void disconnected(MqttDisconnectResponse response) {
			log.warn("Disconnected from MQTT broker: {}", response.getReasonString());
		}

		@Override
		public void mqttErrorOccurred(MqttException exception) {
			log.warn("MQTT error: {}", exception.getMessage());
		}

		@Override
		public void deliveryComplete(IMqttToken token) {
			synchronized (MqttGateway.this.deliveries) {
				MqttGateway.this.deliveries.notifyAll();
			}
		}

		@Override
		public void authPacketArrived(int reasonCode, MqttProperties properties) {
		}

	}

}
