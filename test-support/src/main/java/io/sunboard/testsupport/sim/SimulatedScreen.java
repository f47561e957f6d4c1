package io.sunboard.testsupport.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import io.sunboard.protocol.Alert;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.DeviceStatus;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.Heartbeat;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.Sha256;

/**
 * One simulated screen: what the real kiosk client does on the wire, without rendering.
 * Connects with its own credentials (last will: offline), takes its retained manifest,
 * fetches each new content document by hash with its bearer token and checks the hash,
 * reports {@code applied}, follows its school's and region's alerts, sends heartbeats and
 * {@code played} batches, and forgets a batch only when the server acknowledges it;
 * unacknowledged batches are sent again (the server stores each event once).
 */
public final class SimulatedScreen {

	private final ScreenFleet fleet;

	private final ScreenIdentity identity;

	private final Mqtt5AsyncClient client;

	private final Set<String> cache = ConcurrentHashMap.newKeySet();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private volatile String lastFailure;

	/** posting id → System.nanoTime() when a manifest listing it was applied. */
	private final Map<String, Long> postingApplied = new ConcurrentHashMap<>();

	/** manifest version → System.nanoTime() when applied. */
	private final Map<Long, Long> versionApplied = new ConcurrentHashMap<>();

	/** alert id → System.nanoTime() when received. */
	private final Map<String, Long> alertReceived = new ConcurrentHashMap<>();

	/** manifest generatedAt → System.nanoTime() when received (before any download). */
	private final Map<Instant, Long> manifestReceived = new ConcurrentHashMap<>();

	private volatile long lastAlertAt;

	private volatile long lastAlertClearedAt;

	private final AtomicLong sequence = new AtomicLong();

	private final long epoch = System.currentTimeMillis();

	private volatile Manifest applied;

	private volatile String playing;

	SimulatedScreen(ScreenFleet fleet, ScreenIdentity identity) {
		this.fleet = fleet;
		this.identity = identity;
		String id = identity.deviceId();
		this.client = Mqtt5Client.builder()
			.identifier(id)
			.serverHost(fleet.brokerHost())
			.serverPort(fleet.brokerPort())
			.automaticReconnect()
			.initialDelay(500, TimeUnit.MILLISECONDS)
			.maxDelay(10, TimeUnit.SECONDS)
			.applyAutomaticReconnect()
			.simpleAuth()
			.username(id)
			.password(identity.secret().getBytes(StandardCharsets.UTF_8))
			.applySimpleAuth()
			.willPublish()
			.topic(fleet.topics().status(id))
			.payload(status(DeviceStatus.State.OFFLINE))
			.qos(MqttQos.AT_LEAST_ONCE)
			.retain(true)
			.applyWillPublish()
			.addConnectedListener((context) -> onConnected())
			.buildAsync();
	}

	public String deviceId() {
		return this.identity.deviceId();
	}

	public ScreenIdentity identity() {
		return this.identity;
	}

	/** Connects and subscribes; completes when the subscriptions are in place. */
	CompletableFuture<Void> connect() {
		return this.client.connectWith()
			.cleanStart(true)
			.keepAlive(60)
			.send()
			.thenCompose((ack) -> subscribe())
			.thenAccept((ignored) -> {
			});
	}

	private CompletableFuture<?> subscribe() {
		String id = deviceId();
		return CompletableFuture.allOf(
				this.client.subscribeWith()
					.topicFilter(this.fleet.topics().manifest(id))
					.qos(MqttQos.AT_LEAST_ONCE)
					.callback(this::onManifest)
					.send(),
				this.client.subscribeWith()
					.topicFilter(this.fleet.topics().ack(id))
					.qos(MqttQos.AT_LEAST_ONCE)
					.callback(this::onAck)
					.send(),
				this.client.subscribeWith()
					.topicFilter(this.fleet.topics().schoolAlert(this.identity.schoolId()))
					.qos(MqttQos.AT_LEAST_ONCE)
					.callback(this::onAlert)
					.send(),
				this.client.subscribeWith()
					.topicFilter(this.fleet.topics().regionAlert(this.identity.regionId()))
					.qos(MqttQos.AT_LEAST_ONCE)
					.callback(this::onAlert)
					.send());
	}

	CompletableFuture<Void> disconnect() {
		return this.client.disconnect().exceptionally((ex) -> null);
	}

	public boolean isConnected() {
		return this.client.getState().isConnected();
	}

	/** The manifest version applied last, 0 before the first. */
	public long appliedVersion() {
		Manifest m = this.applied;
		return (m != null) ? m.version() : 0;
	}

	public Long postingAppliedAt(String postingId) {
		return this.postingApplied.get(postingId);
	}

	public Long versionAppliedAt(long version) {
		return this.versionApplied.get(version);
	}

	public Long alertReceivedAt(String alertId) {
		return this.alertReceived.get(alertId);
	}

	/** System.nanoTime() of the newest alert received, 0 before any. */
	public long lastAlertAt() {
		return this.lastAlertAt;
	}

	/**
	 * System.nanoTime() when an alert topic was last cleared (empty retained message).
	 */
	public long lastAlertClearedAt() {
		return this.lastAlertClearedAt;
	}

	public Long manifestReceivedAt(Instant generatedAt) {
		return this.manifestReceived.get(generatedAt);
	}

	/** The manifest applied last, null before the first. */
	public Manifest appliedManifest() {
		return this.applied;
	}

	/**
	 * What this screen is doing, for a bench that finds it missing: connected or not, the
	 * manifest it applied, its unacknowledged batches and its last failed download.
	 */
	public String describe() {
		return deviceId() + " (" + (isConnected() ? "connected" : "not connected") + ", applied manifest "
				+ appliedVersion() + ", " + pendingBatches() + " batches unacknowledged"
				+ ((this.lastFailure != null) ? ", last failed download: " + this.lastFailure : "") + ")";
	}

	/** Batches sent and not yet acknowledged. */
	public int pendingBatches() {
		return this.pending.size();
	}

	private void onConnected() {
		// a new session: anything in flight on the old one may be lost
		this.client.publishWith()
			.topic(this.fleet.topics().status(deviceId()))
			.payload(status(DeviceStatus.State.ONLINE))
			.qos(MqttQos.AT_LEAST_ONCE)
			.retain(true)
			.send();
		this.pending.values().forEach((p) -> p.sentAt = 0);
	}

	private byte[] status(DeviceStatus.State state) {
		return this.fleet.codec()
			.encode(new DeviceStatus(deviceId(), state, this.epoch, ScreenFleet.CLIENT_VERSION, Instant.now()));
	}

	private void onManifest(Mqtt5Publish publish) {
		long receivedAt = System.nanoTime();
		Manifest manifest;
		try {
			manifest = this.fleet.codec().decode(publish.getPayloadAsBytes(), Manifest.class);
		}
		catch (MalformedMessageException ex) {
			this.fleet.stats().rejectedManifests.incrementAndGet();
			return;
		}
		this.manifestReceived.putIfAbsent(manifest.generatedAt(), receivedAt);
		List<ManifestItem> missing = manifest.items()
			.stream()
			.filter((i) -> !this.cache.contains(i.contentSha256()))
			.filter((i) -> !tookCarried(manifest, i.contentSha256()))
			.toList();
		if (missing.isEmpty()) {
			apply(manifest, receivedAt);
			return;
		}
		CompletableFuture<?>[] fetches = missing.stream().map(this::fetch).toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(fetches).whenComplete((ok, ex) -> {
			if (ex == null) {
				apply(manifest, receivedAt);
			}
			else {
				// the real client keeps its old manifest and retries on the next one
				this.fleet.stats().failedFetches.incrementAndGet();
				this.lastFailure = "manifest " + manifest.version() + ": " + ex.getMessage();
			}
		});
	}

	/** Caches a document the manifest carried, as the real client does, if it matches. */
	private boolean tookCarried(Manifest manifest, String sha256) {
		if (manifest.document(sha256).isEmpty()) {
			return false;
		}
		this.cache.add(sha256);
		this.fleet.stats().carriedDocuments.incrementAndGet();
		return true;
	}

	private CompletableFuture<Void> fetch(ManifestItem item) {
		String sha = item.contentSha256();
		return this.fleet.download(DeviceHttp.contentPath(sha), DeviceHttp.bearer(deviceId(), this.identity.secret()))
			.thenAccept((response) -> {
				if (response.status() != 200 || !Sha256.of(response.body()).equals(sha)) {
					throw new IllegalStateException("content " + sha + " answered " + response.status());
				}
				this.cache.add(sha);
				this.fleet.stats().fetchedDocuments.incrementAndGet();
			});
	}

	private void apply(Manifest manifest, long receivedAt) {
		Manifest previous = this.applied;
		if (previous != null && previous.version() > manifest.version()) {
			return;
		}
		this.applied = manifest;
		long now = System.nanoTime();
		this.versionApplied.putIfAbsent(manifest.version(), now);
		for (ManifestItem item : manifest.items()) {
			this.postingApplied.putIfAbsent(item.postingId(), now);
		}
		this.playing = manifest.items().isEmpty() ? null : manifest.items().get(0).postingId();
		this.fleet.stats().manifestsApplied.incrementAndGet();
		send(List.of(DeviceEvent.applied(nextEventId(), Instant.now(), manifest.version())));
	}

	private void onAlert(Mqtt5Publish publish) {
		byte[] payload = publish.getPayloadAsBytes();
		if (payload.length == 0) {
			this.lastAlertClearedAt = System.nanoTime();
			return;
		}
		try {
			Alert alert = this.fleet.codec().decode(payload, Alert.class);
			long now = System.nanoTime();
			this.alertReceived.putIfAbsent(alert.id(), now);
			this.lastAlertAt = now;
		}
		catch (MalformedMessageException ex) {
			this.fleet.stats().rejectedManifests.incrementAndGet();
		}
	}

	private void onAck(Mqtt5Publish publish) {
		EventAck ack;
		try {
			ack = this.fleet.codec().decode(publish.getPayloadAsBytes(), EventAck.class);
		}
		catch (MalformedMessageException ex) {
			return;
		}
		if (ack.eventIds().isEmpty()) {
			return;
		}
		Pending batch = this.pending.remove(ack.eventIds().get(0));
		if (batch != null) {
			this.fleet.stats().ackedBatch(batch.size, System.nanoTime() - batch.firstSentAt);
		}
	}

	/** Sends {@code count} played events of the posting now playing (one batch). */
	void sendPlayed(int count) {
		String posting = (this.playing != null) ? this.playing : "p-none";
		Instant now = Instant.now();
		List<DeviceEvent> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			events.add(DeviceEvent.played(nextEventId(), now, posting, 10_000));
		}
		send(events);
		this.fleet.stats().playedSent.addAndGet(count);
	}

	void sendHeartbeat() {
		Heartbeat hb = new Heartbeat(deviceId(), Instant.now(), 60, appliedVersion(), this.playing, this.pending.size(),
				this.cache.size() * 2048L, 30_000_000L, 10_000_000_000L, ScreenFleet.CLIENT_VERSION, 0L);
		this.client.publishWith()
			.topic(this.fleet.topics().heartbeat(deviceId()))
			.payload(this.fleet.codec().encode(hb))
			.qos(MqttQos.AT_MOST_ONCE)
			.send();
	}

	/**
	 * Sends again the batches that waited longer than {@code timeoutNanos} for an ack.
	 */
	void resendOverdue(long timeoutNanos) {
		long now = System.nanoTime();
		for (Pending p : this.pending.values()) {
			if (now - p.sentAt > timeoutNanos && isConnected()) {
				p.sentAt = now;
				this.fleet.stats().resentBatches.incrementAndGet();
				publishEvents(p.payload);
			}
		}
	}

	private void send(List<DeviceEvent> events) {
		byte[] payload = this.fleet.codec().encode(new EventBatch(deviceId(), events));
		long now = System.nanoTime();
		this.pending.put(events.get(0).id(), new Pending(payload, events.size(), now));
		publishEvents(payload);
	}

	private void publishEvents(byte[] payload) {
		this.client.publishWith()
			.topic(this.fleet.topics().events(deviceId()))
			.payload(payload)
			.qos(MqttQos.AT_LEAST_ONCE)
			.send();
	}

	private String nextEventId() {
		return "e" + this.epoch + "-" + this.sequence.incrementAndGet();
	}

	private static final class Pending {

		final byte[] payload;

		final int size;

		final long firstSentAt;

		volatile long sentAt;

		Pending(byte[] payload, int size, long sentAt) {
			this.payload = payload;
			this.size = size;
			this.firstSentAt = sentAt;
			this.sentAt = sentAt;
		}

	}

}
