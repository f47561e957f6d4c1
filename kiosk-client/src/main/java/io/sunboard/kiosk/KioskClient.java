package io.sunboard.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.templates.PostingRenderer;
import io.sunboard.templates.ScreenProfile;

/**
 * A running kiosk: wires the parts by hand and owns their lifecycle. The player starts
 * from the cached manifest before any network is up, so a screen whose server or broker
 * is down still shows its schedule.
 */
public final class KioskClient implements AutoCloseable {

	/** How long the server has to acknowledge a batch before it is sent again. */
	static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

	/** How often the clock offset from the server is measured. */
	static final Duration CLOCK_CHECK = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(KioskClient.class);

	private final KioskThreads threads;

	private final EventJournal journal;

	private final ManifestUpdater manifests;

	private final PlayerServer playerServer;

	private final BrokerConnection broker;

	private final PublishedReplies replies;

	private boolean closed;

	private KioskClient(KioskConfig config, Clock clock, KioskThreads threads) {
		this.threads = threads;
		JsonCodec codec = new JsonCodec();
		Identity identity = Identity.of(config);
		createDirectory(config);
		this.journal = new EventJournal(config.dataDir().resolve("journal"), config.journalCapacity(), codec);
		ContentStore content = new ContentStore(config.dataDir().resolve("content"), codec, config.cacheMaxBytes());
		PostingRenderer renderer = new PostingRenderer();
		this.broker = new PahoConnection(config.brokerUrl().toString(), identity, config.secret(), codec, clock,
				Backoff.reconnect(), threads.timer(), threads.inbox(), config.brokerCaFile());
		try {
			EventSender sender = new EventSender(this.journal, this.broker, identity, codec, clock, ACK_TIMEOUT,
					threads.inbox());
			EventRecorder recorder = (event) -> {
				boolean recorded = this.journal.record(event);
				sender.wake();
				return recorded;
			};
			Alerts alerts = new Alerts(codec, identity.topics(), this.broker::subscribe);
			Player player = new Player(content, renderer, config, recorder, clock, threads.timer(), alerts);
			alerts.onChange(player::refresh);
			this.manifests = new ManifestUpdater(config.deviceId(), codec, content,
					new ContentFetcher(ContentFetcher.newHttpClient(), config.serverUrl(), config.deviceId(),
							config.secret()),
					new ManifestFile(config.dataDir().resolve("manifest.json"), codec), player, recorder, clock,
					threads);
			this.playerServer = new PlayerServer(player, renderer, codec, config, threads.http());
			HttpClient http = ContentFetcher.newHttpClient();
			this.replies = new PublishedReplies(config.dataDir(), codec, new ReplyFetcher(http, config.serverUrl(),
					config.deviceId(), config.secret(), ReplyFetcher.TIMEOUT));
			if (config.profile() == ScreenProfile.KIOSK) {
				TouchCatalog catalog = new TouchCatalog(player, content, renderer, config);
				this.playerServer.addTouch(new TouchEndpoints(player, catalog, new TouchReplies(this.replies, catalog),
						codec, recorder, clock, config, () -> this.playerServer.url()));
			}
			ClockOffset clockOffset = new ClockOffset(http, config.serverUrl(), codec, clock);
			Heartbeats heartbeats = new Heartbeats(identity, this.broker, codec, clock, this.manifests, player,
					this.journal, content, config.dataDir(), clockOffset);
			Commands commands = new Commands(codec, clock, player, this.manifests,
					new Screenshots(config, () -> this.playerServer.url(), http), recorder, threads.fetch());

			this.manifests.restore();
			if (config.profile() == ScreenProfile.KIOSK) {
				startReplies(config, threads);
			}
			player.start();
			this.playerServer.start();
			this.broker.start(new MessageRouter(identity, this.manifests, commands, sender, alerts));
			long heartbeatMs = config.heartbeatInterval().toMillis();
			threads.timer().scheduleAtFixedRate(heartbeats::beat, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
			threads.timer()
				.scheduleWithFixedDelay(() -> threads.fetch().execute(clockOffset::measure), 0, CLOCK_CHECK.toSeconds(),
						TimeUnit.SECONDS);
			// Catches acks that never came; the sender resends what is overdue.
			threads.timer().scheduleAtFixedRate(sender::wake, 5, 5, TimeUnit.SECONDS);
		}
		catch (RuntimeException ex) {
			this.broker.close();
			throw ex;
		}
		log.info("Kiosk {} started (client {}), player page {}", config.deviceId(), identity.clientVersion(),
				this.playerServer.url());
	}

	/**
	 * Only a touch kiosk shows the school's published replies: the cached copy at once,
	 * then fetched at start, every {@code replies.fetch-minutes} and whenever a manifest
	 * is applied, always on the fetch thread.
	 */
	private void startReplies(KioskConfig config, KioskThreads threads) {
		this.replies.restore();
		Runnable fetch = () -> {
			try {
				threads.fetch().execute(this.replies::refresh);
			}
			catch (RejectedExecutionException ex) {
				// closing
			}
		};
		this.manifests.onApplied(fetch);
		long everyMs = config.repliesInterval().toMillis();
		threads.timer().scheduleWithFixedDelay(fetch, 0, everyMs, TimeUnit.MILLISECONDS);
	}

	public static KioskClient start(KioskConfig config) {
		return start(config, Clock.systemUTC());
	}

	/**
	 * Starts the kiosk and returns once its player page is up; the broker connection
	 * follows in the background.
	 * @throws IllegalStateException when the data directory or player port cannot be used
	 */
	public static KioskClient start(KioskConfig config, Clock clock) {
		KioskThreads threads = KioskThreads.create(config.deviceId());
		try {
			return new KioskClient(config, clock, threads);
		}
		catch (RuntimeException ex) {
			threads.shutdown();
			throw ex;
		}
	}

	/** The local player page, e.g. {@code http://127.0.0.1:8090/}. */
	public URI playerUrl() {
		return this.playerServer.url();
	}

	/** Version of the manifest being played, -1 before any manifest was applied. */
	public long appliedManifestVersion() {
		return this.manifests.appliedVersion();
	}

	/** Events recorded but not yet acknowledged by the server. */
	public int journalDepth() {
		return this.journal.depth();
	}

	/** Fetches of the published replies that failed since the start. */
	public long replyFetchFailures() {
		return this.replies.failures();
	}

	public boolean isConnected() {
		return this.broker.isConnected();
	}

	/**
	 * Publishes the retained {@code offline} status, disconnects and stops the player.
	 * Unacknowledged events stay on disk for the next start.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.threads.timer().shutdownNow();
		this.broker.close();
		this.playerServer.stop();
		this.threads.shutdown();
		log.info("Kiosk stopped; {} events stay in the journal for the next start", this.journal.depth());
	}

	private static void createDirectory(KioskConfig config) {
		try {
			Files.createDirectories(config.dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("data.dir " + config.dataDir() + " cannot be created: " + ex.getMessage()
					+ "; point data.dir at a writable directory", ex);
		}
	}

}
