package io.sunboard.testsupport.sim;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;

/**
 * Many {@link SimulatedScreen}s in one JVM. The HiveMQ client runs every connection on
 * one shared Netty event loop, so ten thousand screens cost a few threads, not ten
 * thousand; content downloads share a bounded pool of threads, each with one persistent
 * HTTP connection ({@link KeepAliveHttp}).
 */
public final class ScreenFleet implements AutoCloseable {

	static final String CLIENT_VERSION = "sim-0.1";

	private final Settings settings;

	private final List<SimulatedScreen> screens = new ArrayList<>();

	private final JsonCodec codec = new JsonCodec();

	private final Topics topics;

	private final FleetStats stats = new FleetStats();

	private final KeepAliveHttp http;

	private final ExecutorService downloads;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread t = new Thread(r, "fleet-timer");
		t.setDaemon(true);
		return t;
	});

	private ScheduledFuture<?> played;

	private ScheduledFuture<?> heartbeats;

	/**
	 * Where the screens connect and fetch, and how long a batch waits for its ack before
	 * it is sent again.
	 */
	public record Settings(String brokerHost, int brokerPort, String httpBase, String topicRoot, int downloadThreads,
			Duration ackTimeout) {

		public static Settings of(int brokerPort, String httpBase) {
			return new Settings("127.0.0.1", brokerPort, httpBase, Topics.DEFAULT_ROOT, 32, Duration.ofSeconds(10));
		}

	}

	private ScreenFleet(Settings settings, List<ScreenIdentity> identities) {
		this.settings = settings;
		this.topics = new Topics(settings.topicRoot());
		this.http = new KeepAliveHttp(URI.create(settings.httpBase()), 60_000);
		this.downloads = Executors.newFixedThreadPool(settings.downloadThreads(), (r) -> {
			Thread t = new Thread(r, "fleet-download");
			t.setDaemon(true);
			return t;
		});
		for (ScreenIdentity identity : identities) {
			this.screens.add(new SimulatedScreen(this, identity));
		}
		long timeout = settings.ackTimeout().toNanos();
		this.timer.scheduleWithFixedDelay(() -> this.screens.forEach((s) -> s.resendOverdue(timeout)), 1, 1,
				TimeUnit.SECONDS);
	}

	/**
	 * Connects every screen, at most {@code parallelConnects} handshakes at a time;
	 * returns once all are connected and subscribed.
	 * @throws IllegalStateException when not all made it within {@code timeout}
	 */
	public static ScreenFleet connect(Settings settings, List<ScreenIdentity> identities, int parallelConnects,
			Duration timeout) {
		ScreenFleet fleet = new ScreenFleet(settings, identities);
		Semaphore inFlight = new Semaphore(parallelConnects);
		List<CompletableFuture<Void>> connects = new ArrayList<>();
		try {
			for (SimulatedScreen screen : fleet.screens) {
				if (!inFlight.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException(
							"connecting " + identities.size() + " screens took over " + timeout);
				}
				connects.add(screen.connect().whenComplete((ok, ex) -> inFlight.release()));
			}
			CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return fleet;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fleet.close();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException | TimeoutException | RuntimeException ex) {
			long connected = fleet.screens.stream().filter(SimulatedScreen::isConnected).count();
			fleet.close();
			throw new IllegalStateException(
					connected + " of " + identities.size() + " screens connected within " + timeout + ": " + ex, ex);
		}
	}

	public List<SimulatedScreen> screens() {
		return this.screens;
	}

	public FleetStats stats() {
		return this.stats;
	}

	/** Every screen sends a heartbeat each {@code interval}, spread over the interval. */
	public synchronized void startHeartbeats(Duration interval) {
		stopHeartbeats();
		int ticks = (int) Math.max(1, interval.toMillis() / 100);
		int[] tick = { 0 };
		this.heartbeats = this.timer.scheduleAtFixedRate(() -> {
			int t = tick[0]++ % ticks;
			for (int i = t; i < this.screens.size(); i += ticks) {
				this.screens.get(i).sendHeartbeat();
			}
		}, 0, 100, TimeUnit.MILLISECONDS);
	}

	public synchronized void stopHeartbeats() {
		if (this.heartbeats != null) {
			this.heartbeats.cancel(false);
			this.heartbeats = null;
		}
	}

	/**
	 * The whole fleet sends {@code eventsPerSecond} played events, in batches of
	 * {@code batchSize}, round robin over the screens, in ticks of 100 ms.
	 */
	public synchronized void startPlayed(double eventsPerSecond, int batchSize) {
		stopPlayed();
		double batchesPerTick = eventsPerSecond / batchSize / 10.0;
		double[] owed = { 0 };
		int[] next = { 0 };
		this.played = this.timer.scheduleAtFixedRate(() -> {
			owed[0] += batchesPerTick;
			while (owed[0] >= 1) {
				owed[0] -= 1;
				this.screens.get(next[0]++ % this.screens.size()).sendPlayed(batchSize);
			}
		}, 0, 100, TimeUnit.MILLISECONDS);
	}

	public synchronized void stopPlayed() {
		if (this.played != null) {
			this.played.cancel(false);
			this.played = null;
		}
	}

	/** Batches still waiting for their ack, over all screens. */
	public int pendingBatches() {
		return this.screens.stream().mapToInt(SimulatedScreen::pendingBatches).sum();
	}

	/**
	 * Waits until no screen has a batch waiting for its ack: the server has stored
	 * everything sent so far. False at the deadline.
	 */
	public boolean awaitAllAcknowledged(Duration timeout) {
		try {
			Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> pendingBatches() == 0);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	/**
	 * Waits until every screen has a time from {@code when} (null: not yet), then returns
	 * each time minus {@code t0}. Screens still missing at the deadline are left out:
	 * compare {@link Latencies#count()} with the fleet's size.
	 */
	public Latencies await(ToLongFunction<SimulatedScreen> when, long t0, Duration timeout) {
		// each screen records its own time, so polling only decides when to stop; a
		// screen that has its time is not asked again (asking all 10,000 every 20 ms was
		// about a tenth of the bench JVM's CPU in a profile)
		List<SimulatedScreen> waiting = new ArrayList<>(this.screens);
		try {
			Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
				waiting.removeIf((s) -> when.applyAsLong(s) != 0);
				return waiting.isEmpty();
			});
		}
		catch (ConditionTimeoutException ex) {
			// reported through the count of the latencies
		}
		Latencies latencies = new Latencies();
		for (SimulatedScreen s : this.screens) {
			long at = when.applyAsLong(s);
			if (at != 0) {
				latencies.add(at - t0);
			}
		}
		return latencies;
	}

	/** 0 while a screen has not applied a manifest listing the posting. */
	public static ToLongFunction<SimulatedScreen> postingApplied(String postingId) {
		return (s) -> orZero(s.postingAppliedAt(postingId));
	}

	public static ToLongFunction<SimulatedScreen> versionApplied(long version) {
		return (s) -> orZero(s.versionAppliedAt(version));
	}

	public static ToLongFunction<SimulatedScreen> alertReceived(String alertId) {
		return (s) -> orZero(s.alertReceivedAt(alertId));
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

	@Override
	public void close() {
		stopPlayed();
		stopHeartbeats();
		this.timer.shutdownNow();
		CompletableFuture
			.allOf(this.screens.stream().map(SimulatedScreen::disconnect).toArray(CompletableFuture[]::new))
			.orTimeout(30, TimeUnit.SECONDS)
			.exceptionally((ex) -> null)
			.join();
		this.downloads.shutdownNow();
		this.http.close();
	}

	String brokerHost() {
		return this.settings.brokerHost();
	}

	int brokerPort() {
		return this.settings.brokerPort();
	}

	Topics topics() {
		return this.topics;
	}

	JsonCodec codec() {
		return this.codec;
	}

	/** GETs {@code path} on the server from the download pool. */
	CompletableFuture<KeepAliveHttp.Response> download(String path, String authorization) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return this.http.get(path, authorization);
			}
			catch (IOException ex) {
				throw new CompletionException(ex);
			}
		}, this.downloads);
	}

}
