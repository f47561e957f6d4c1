package io.sunboard.server.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import io.sunboard.server.security.Scope;

/**
 * One open dashboard: whose it is, what it looks at, and what it was last sent, so the
 * next message carries only what changed. Everything but {@link #request} and
 * {@link #addFeedback} is touched by the pusher's one thread only.
 */
final class DashboardSession {

	private final WebSocketSession socket;

	private final Scope scope;

	private final String httpSessionId;

	private final ConcurrentLinkedQueue<FeedbackItem> newFeedback = new ConcurrentLinkedQueue<>();

	private volatile DashboardView requested;

	private DashboardView view;

	private long total = -1;

	private Map<String, ScreenRow> rows = Map.of();

	private Map<String, SchoolCounts> counts = Map.of();

	private List<PublishProgress> progress = List.of();

	/**
	 * @param httpSessionId the sign-in session that opened it; null for HTTP Basic
	 */
	DashboardSession(WebSocketSession socket, Scope scope, String httpSessionId, DashboardView initial) {
		this.socket = socket;
		this.scope = scope;
		this.httpSessionId = httpSessionId;
		this.requested = initial;
	}

	String id() {
		return this.socket.getId();
	}

	Scope scope() {
		return this.scope;
	}

	boolean openedBy(String httpSessionId) {
		return httpSessionId.equals(this.httpSessionId);
	}

	/** Asks for a full snapshot of another view with the next push. */
	void request(DashboardView view) {
		this.requested = view;
	}

	void addFeedback(FeedbackItem item) {
		this.newFeedback.add(item);
	}

	/** The view to compute next, and whether the browser needs a whole snapshot of it. */
	DashboardView view() {
		DashboardView wanted = this.requested;
		return (wanted != null) ? wanted : this.view;
	}

	boolean wantsSnapshot() {
		return this.requested != null;
	}

	/** Remembers what a snapshot told the browser. */
	DashboardMessages.Snapshot snapshot(DashboardView view, ScreenPage page, List<SchoolCounts> counts,
			List<PublishProgress> progress, List<FeedbackItem> recentFeedback) {
		if (this.requested == view) {
			this.requested = null;
		}
		this.newFeedback.clear();
		this.view = view;
		remember(page, counts, progress);
		return new DashboardMessages.Snapshot(view, page, counts, progress, recentFeedback);
	}

	/** What changed since the last message, and remembers it. */
	DashboardMessages.Delta delta(ScreenPage page, List<SchoolCounts> counts, List<PublishProgress> progress) {
		List<ScreenRow> changedRows = new ArrayList<>();
		for (ScreenRow row : page.rows()) {
			if (!row.equals(this.rows.get(row.id()))) {
				changedRows.add(row);
			}
		}
		List<String> order = page.rows().stream().map(ScreenRow::id).toList();
		boolean orderChanged = !order.equals(List.copyOf(this.rows.keySet()));
		List<SchoolCounts> changedCounts = new ArrayList<>();
		Map<String, SchoolCounts> newCounts = byId(counts);
		newCounts.forEach((id, c) -> {
			if (!c.equals(this.counts.get(id))) {
				changedCounts.add(c);
			}
		});
		List<String> removedSchools = this.counts.keySet().stream().filter((id) -> !newCounts.containsKey(id)).toList();
		List<FeedbackItem> feedback = new ArrayList<>();
		for (FeedbackItem item = this.newFeedback.poll(); item != null; item = this.newFeedback.poll()) {
			feedback.add(0, item);
		}
		DashboardMessages.Delta delta = new DashboardMessages.Delta("delta",
				(page.total() != this.total) ? page.total() : null, changedRows.isEmpty() ? null : changedRows,
				orderChanged ? order : null, changedCounts.isEmpty() ? null : changedCounts,
				removedSchools.isEmpty() ? null : removedSchools,
				Objects.equals(progress, this.progress) ? null : progress, feedback.isEmpty() ? null : feedback);
		remember(page, counts, progress);
		return delta;
	}

	boolean hasNewFeedback() {
		return !this.newFeedback.isEmpty();
	}

	boolean isOpen() {
		return this.socket.isOpen();
	}

	void send(String json) throws IOException {
		this.socket.sendMessage(new TextMessage(json));
	}

	void close(CloseStatus status) {
		try {
			this.socket.close(status);
		}
		catch (IOException ex) {
			// already gone: nothing left to tell the browser
		}
	}

	private void remember(ScreenPage page, List<SchoolCounts> counts, List<PublishProgress> progress) {
		Map<String, ScreenRow> sent = new LinkedHashMap<>();
		page.rows().forEach((row) -> sent.put(row.id(), row));
		this.rows = sent;
		this.total = page.total();
		this.counts = byId(counts);
		this.progress = List.copyOf(progress);
	}

	private static Map<String, SchoolCounts> byId(List<SchoolCounts> counts) {
		Map<String, SchoolCounts> map = new LinkedHashMap<>();
		counts.forEach((c) -> map.put(c.schoolId(), c));
		return map;
	}

}
