package io.sunboard.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.kiosk.Schedule.Ended;
import io.sunboard.kiosk.Schedule.Selection;
import io.sunboard.kiosk.Schedule.Showing;
import io.sunboard.protocol.Alert;
import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.PostingContent;
import io.sunboard.templates.PostingRenderer;
import io.sunboard.templates.RenderContext;
import io.sunboard.templates.ScreenProfile;

/**
 * Plays the applied manifest: every second it asks {@link Schedule} what to show, renders
 * it when that changes, and journals each showing that ends as proof of play.
 * <p>
 * A showing that ends early (its window closed or it left the manifest) is journaled too,
 * with its actual duration, once it was on screen for at least {@link #MIN_PARTIAL_MS}:
 * it was seen, and the server tells partial from full showings by the duration. Shorter
 * fragments prove nothing and are not journaled.
 */
final class Player {

	static final long MIN_PARTIAL_MS = 1000;

	private static final Logger log = LoggerFactory.getLogger(Player.class);

	private final ContentStore store;

	private final PostingRenderer renderer;

	private final ScreenProfile profile;

	private final Locale locale;

	private final RenderContext render;

	private final String deviceId;

	private final EventRecorder recorder;

	private final Clock clock;

	private final ScheduledExecutorService timer;

	private final AtomicReference<Playlist> playlist = new AtomicReference<>(Playlist.EMPTY);

	private final AtomicReference<NowShowing> now = new AtomicReference<>();

	/** Until when the identify page covers the screen; null when it does not. */
	private volatile Instant identifyUntil;

	/** Only touched on the timer thread. */
	private Showing current;

	private String lastError;

	private final Alerts alerts;

	Player(ContentStore store, PostingRenderer renderer, KioskConfig config, EventRecorder recorder, Clock clock,
			ScheduledExecutorService timer) {
		this(store, renderer, config, recorder, clock, timer, Alerts.none());
	}

	Player(ContentStore store, PostingRenderer renderer, KioskConfig config, EventRecorder recorder, Clock clock,
			ScheduledExecutorService timer, Alerts alerts) {
		this.alerts = alerts;
		this.store = store;
		this.renderer = renderer;
		this.profile = config.profile();
		this.locale = config.locale();
		this.render = config.renderContext();
		this.deviceId = config.deviceId();
		this.recorder = recorder;
		this.clock = clock;
		this.timer = timer;
		this.now.set(idle(null));
	}

	/** Ticks every second from now on. */
	void start() {
		this.timer.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
	}

	/** Swaps in a manifest (any thread); the screen follows on the next tick, at once. */
	void show(Manifest manifest) {
		this.playlist.set(Playlist.of(manifest, this.store));
		this.alerts.follow(manifest);
		refresh();
	}

	/** Re-evaluates now rather than at the next tick. */
	void refresh() {
		try {
			this.timer.execute(this::tick);
		}
		catch (RejectedExecutionException ex) {
			// closing
		}
	}

	/**
	 * Covers the screen with its identity (school name and device id, large) for
	 * {@code duration}, so a technician can tell which screen is which. The schedule runs
	 * on underneath.
	 */
	void identify(Duration duration) {
		this.identifyUntil = this.clock.instant().plus(duration);
		refresh();
	}

	/**
	 * What a visitor may open on a touch kiosk now: the items in their windows, by the
	 * same rule and clock as the playlist, so a posting whose period ended is gone from
	 * the list, the search and the detail page as it is from the screen, offline too.
	 */
	List<ManifestItem> browsable() {
		return Schedule.eligible(this.playlist.get().manifest(), this.clock.instant());
	}

	/**
	 * Whether the posting is in the applied manifest, whatever its windows: a visitor's
	 * interaction with a posting whose period ended while it was open still counts.
	 */
	boolean inManifest(String postingId) {
		Manifest manifest = this.playlist.get().manifest();
		return manifest != null && manifest.items().stream().anyMatch((item) -> item.postingId().equals(postingId));
	}

	/** The instant the touch pages judge periods by: the player's clock. */
	Instant instant() {
		return this.clock.instant();
	}

	NowShowing now() {
		return this.now.get();
	}

	/** The posting on screen, null for the idle page. */
	String nowPlaying() {
		return this.now.get().postingId();
	}

	void tick() {
		try {
			Playlist list = this.playlist.get();
			Optional<Alert> alert = this.alerts.current();
			if (alert.isPresent()) {
				interrupt();
				showAlert(alert.get(), list);
				this.lastError = null;
				return;
			}
			Selection selection = Schedule.choose(list.manifest(), this.clock.instant(), this.current);
			this.current = selection.showing();
			display(selection.showing(), list);
			if (selection.ended() != null) {
				journal(selection.ended());
			}
			this.lastError = null;
		}
		catch (RuntimeException ex) {
			// Logged once per distinct failure: the next tick comes in a second.
			if (!String.valueOf(ex).equals(this.lastError)) {
				this.lastError = String.valueOf(ex);
				log.error("Player tick failed; the screen keeps its current page", ex);
			}
		}
	}

	private void display(Showing showing, Playlist list) {
		Instant until = this.identifyUntil;
		if (until != null && this.clock.instant().isBefore(until)) {
			String key = "identify:" + until;
			if (!key.equals(this.now.get().key())) {
				this.now.set(new NowShowing(key, identifyPage(list.schoolName()), null));
			}
			return;
		}
		this.identifyUntil = null;
		if (showing == null) {
			NowShowing idle = idle(list.schoolName());
			if (!idle.key().equals(this.now.get().key())) {
				this.now.set(idle);
			}
			return;
		}
		String key = "posting:" + showing.item().contentSha256();
		if (key.equals(this.now.get().key())) {
			return;
		}
		Optional<PostingContent> content = this.store.load(showing.item().contentSha256());
		if (content.isEmpty()) {
			this.now.set(idle(list.schoolName()));
			return;
		}
		String html = this.renderer.renderPosting(content.get(), this.render);
		this.now.set(new NowShowing(key, html, showing.item().postingId()));
	}

	/**
	 * An alert takes the screen at once: the showing it cuts short is journaled with its
	 * actual duration, and the loop starts afresh when the alert is cleared.
	 */
	private void interrupt() {
		if (this.current != null) {
			Instant now = this.clock.instant();
			Instant until = now.isAfter(this.current.since()) ? now : this.current.since();
			journal(new Ended(this.current.item(), this.current.since(), until, false));
			this.current = null;
		}
	}

	private void showAlert(Alert alert, Playlist list) {
		String key = "alert:" + alert.id() + ":" + alert.issuedAt();
		if (!key.equals(this.now.get().key())) {
			this.now.set(new NowShowing(key,
					this.renderer.renderAlert(alert.text(), list.schoolName(), this.profile, this.locale), null));
		}
	}

	private String identifyPage(String schoolName) {
		String school = (schoolName != null) ? schoolName : "";
		return "<section class=\"sb-identify\"><p class=\"sb-identify-school\">" + PlayerServer.Html.escape(school)
				+ "</p><p class=\"sb-identify-device\">" + PlayerServer.Html.escape(this.deviceId) + "</p></section>";
	}

	private NowShowing idle(String schoolName) {
		String name = (schoolName != null) ? schoolName : this.deviceId;
		return new NowShowing("idle:" + name, this.renderer.renderIdle(name, this.profile, this.locale), null);
	}

	private void journal(Ended ended) {
		long durationMs = ended.duration().toMillis();
		if (!ended.completed() && durationMs < MIN_PARTIAL_MS) {
			return;
		}
		this.recorder.record(DeviceEvent.played(EventIds.next(), ended.since(), ended.item().postingId(), durationMs));
	}

}
