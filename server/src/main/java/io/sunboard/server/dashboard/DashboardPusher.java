package io.sunboard.server.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.CloseStatus;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.server.ingest.DeviceStateChanged;
import io.sunboard.server.ingest.EventsStored;
import io.sunboard.server.security.Scope;
import io.sunboard.server.system.Threads;

/**
 * Pushes each open dashboard what changed, at most once per push interval: reported
 * changes only mark the dashboards dirty, and one thread then recomputes each visible
 * page (once per distinct view) and counts (once per scope) and sends only the
 * differences. A heartbeat therefore never costs a query of its own, however many screens
 * beat.
 */
@Component
class DashboardPusher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DashboardPusher.class);

	/** The page goes to the sign-in page when it sees this close. */
	static final CloseStatus SIGNED_OUT = CloseStatus.POLICY_VIOLATION.withReason("signed out");

	private final Map<String, DashboardSession> sessions = new ConcurrentHashMap<>();

	private final AtomicBoolean dirty = new AtomicBoolean(true);

	private final ConcurrentLinkedQueue<PendingFeedback> feedback = new ConcurrentLinkedQueue<>();

	private final DashboardQuery query;

	private final DashboardViews views;

	private final ManifestIndex index;

	private final DashboardSettings settings;

	private final JsonCodec codec;

	private final Clock clock;

	private ScheduledExecutorService executor;

	private Instant nextRefresh = Instant.MIN;

	DashboardPusher(DashboardQuery query, DashboardViews views, ManifestIndex index, DashboardSettings settings,
			JsonCodec codec, Clock clock) {
		this.query = query;
		this.views = views;
		this.index = index;
		this.settings = settings;
		this.codec = codec;
		this.clock = clock;
	}

	void open(DashboardSession session) {
		this.sessions.put(session.id(), session);
		pushSnapshotsSoon();
	}

	DashboardSession session(String id) {
		return this.sessions.get(id);
	}

	void closed(String id) {
		this.sessions.remove(id);
	}

	/** A browser asked for another view: answer it now rather than at the next tick. */
	void pushSnapshotsSoon() {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			running.execute(() -> tick(true));
		}
	}

	int openSessions() {
		return this.sessions.size();
	}

	/**
	 * Signing out or a session timing out closes the dashboards it opened: the socket
	 * must not outlive the sign-in.
	 */
	@EventListener
	void onSignOut(HttpSessionDestroyedEvent event) {
		for (DashboardSession session : new ArrayList<>(this.sessions.values())) {
			if (session.openedBy(event.getId())) {
				this.sessions.remove(session.id());
				session.close(SIGNED_OUT);
			}
		}
	}

	@EventListener
	void onStateChanged(DeviceStateChanged event) {
		this.dirty.set(true);
	}

	/**
	 * After the ingest transaction commits, so the feedback is there when a page asks.
	 */
	@TransactionalEventListener
	void onEventsStored(EventsStored stored) {
		for (DeviceEvent event : stored.events()) {
			if (event.type() == EventType.FEEDBACK) {
				this.feedback.add(new PendingFeedback(stored.deviceId(), event.category(), event.at()));
			}
		}
	}

	/**
	 * One round: recompute what any dashboard needs and send each its message.
	 * @param snapshotsOnly answer only dashboards waiting for a snapshot (so a click
	 * never sends the others a second delta within the interval)
	 */
	void tick(boolean snapshotsOnly) {
		try {
			if (this.sessions.isEmpty()) {
				this.feedback.clear();
				return;
			}
			Instant now = this.clock.instant();
			boolean changed = false;
			if (!snapshotsOnly) {
				changed = this.dirty.getAndSet(false);
				changed |= this.index.sync() > 0;
				routeFeedback();
				if (!now.isBefore(this.nextRefresh)) {
					this.nextRefresh = now.plus(this.settings.refreshInterval());
					changed = true;
				}
			}
			Round round = new Round(this.views.staleBefore());
			for (DashboardSession session : new ArrayList<>(this.sessions.values())) {
				if (!session.isOpen()) {
					this.sessions.remove(session.id());
				}
				else if (session.wantsSnapshot()) {
					send(session, this.codec.encodeToString(round.snapshot(session)));
				}
				else if (!snapshotsOnly && (changed || session.hasNewFeedback())) {
					DashboardMessages.Delta delta = round.delta(session);
					if (!delta.isEmpty()) {
						send(session, this.codec.encodeToString(delta));
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// the next tick tries again; a failing query must not stop the pushing thread
			log.warn("Dashboard push failed: {}", ex.toString(), ex);
		}
	}

	private void routeFeedback() {
		Map<String, DashboardQuery.Place> places = new HashMap<>();
		for (PendingFeedback pending = this.feedback.poll(); pending != null; pending = this.feedback.poll()) {
			DashboardQuery.Place place = places.computeIfAbsent(pending.deviceId(), this.query::place);
			if (place == null) {
				continue;
			}
			FeedbackItem item = new FeedbackItem(pending.category(), place.schoolId(), place.schoolName(),
					pending.at());
			for (DashboardSession session : this.sessions.values()) {
				if (session.scope().covers(place.schoolId(), place.regionId())) {
					session.addFeedback(item);
				}
			}
		}
	}

	private void send(DashboardSession session, String json) {
		try {
			session.send(json);
		}
		catch (IOException | RuntimeException ex) {
			// a browser too slow or gone: drop it, it reconnects and gets a snapshot
			log.debug("Dropping dashboard session {}: {}", session.id(), ex.toString());
			this.sessions.remove(session.id());
			session.close(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor(Threads.named("dashboard"));
		long ms = this.settings.pushInterval().toMillis();
		this.executor.scheduleWithFixedDelay(() -> tick(false), ms, ms, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdownNow();
		}
		this.sessions.values().forEach((s) -> s.close(CloseStatus.GOING_AWAY));
		this.sessions.clear();
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/** What one round computed, shared by every dashboard with the same scope or view. */
	private final class Round {

		private final Instant staleBefore;

		private final Map<Scope, List<SchoolCounts>> counts = new HashMap<>();

		private final Map<Scope, List<PublishProgress>> progress = new HashMap<>();

		private final Map<List<Object>, ScreenPage> pages = new HashMap<>();

		Round(Instant staleBefore) {
			this.staleBefore = staleBefore;
		}

		DashboardMessages.Snapshot snapshot(DashboardSession session) {
			DashboardView view = session.view();
			Scope scope = session.scope();
			return session.snapshot(view, page(scope, view), counts(scope), progress(scope),
					DashboardPusher.this.query.recentFeedback(scope, DashboardPusher.this.settings.feedbackLimit()));
		}

		DashboardMessages.Delta delta(DashboardSession session) {
			Scope scope = session.scope();
			return session.delta(page(scope, session.view()), counts(scope), progress(scope));
		}

		private ScreenPage page(Scope scope, DashboardView view) {
			return this.pages.computeIfAbsent(List.of(scope, view),
					(key) -> DashboardPusher.this.query.page(scope, view, this.staleBefore));
		}

		private List<SchoolCounts> counts(Scope scope) {
			return this.counts.computeIfAbsent(scope,
					(key) -> DashboardPusher.this.query.counts(scope, this.staleBefore));
		}

		private List<PublishProgress> progress(Scope scope) {
			return this.progress.computeIfAbsent(scope,
					(key) -> DashboardPusher.this.query.progress(scope, DashboardPusher.this.settings.progressLimit()));
		}

	}

	private record PendingFeedback(String deviceId, String category, Instant at) {

	}

}
