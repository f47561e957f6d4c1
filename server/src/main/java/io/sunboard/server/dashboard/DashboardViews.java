package io.sunboard.server.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.Scope;

/**
 * Turns what a browser or API caller asks to see into a checked {@link DashboardView},
 * and computes it. The one place both the WebSocket and the REST API go through.
 */
@Component
class DashboardViews {

	private final DashboardQuery query;

	private final SchoolRepository schools;

	private final DashboardSettings settings;

	private final Clock clock;

	private final ManifestIndex index;

	DashboardViews(DashboardQuery query, SchoolRepository schools, DashboardSettings settings, Clock clock,
			ManifestIndex index) {
		this.index = index;
		this.query = query;
		this.schools = schools;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A view from request values; null values take the defaults.
	 * @throws IllegalArgumentException saying what to send instead
	 * @throws OutOfScope when the school is not one the viewer may see
	 */
	DashboardView view(Scope scope, String schoolId, String health, Integer page, Integer size) {
		int pageSize = (size != null) ? size : this.settings.pageSize();
		if (pageSize < 1 || pageSize > this.settings.maxPageSize()) {
			throw new IllegalArgumentException("size must be 1-" + this.settings.maxPageSize() + "; got " + pageSize);
		}
		ScreenHealth wanted = null;
		if (health != null && !health.isBlank()) {
			try {
				wanted = ScreenHealth.valueOf(health.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("health must be fine, stale or offline (or left out for all)");
			}
		}
		String school = (schoolId == null || schoolId.isBlank()) ? null : schoolId.strip();
		if (school != null && !covers(scope, school)) {
			throw new OutOfScope(school);
		}
		return new DashboardView(school, wanted, (page != null) ? page : 0, pageSize);
	}

	DashboardView first() {
		return DashboardView.first(this.settings.pageSize());
	}

	/**
	 * For the REST API; the pusher shares its queries between the dashboards it serves.
	 */
	DashboardMessages.Snapshot snapshot(Scope scope, DashboardView view) {
		this.index.sync();
		Instant staleBefore = staleBefore();
		return new DashboardMessages.Snapshot(view, this.query.page(scope, view, staleBefore),
				this.query.counts(scope, staleBefore), this.query.progress(scope, this.settings.progressLimit()),
				this.query.recentFeedback(scope, this.settings.feedbackLimit()));
	}

	Instant staleBefore() {
		return this.clock.instant().minus(this.settings.staleAfter());
	}

	private boolean covers(Scope scope, String schoolId) {
		return this.schools.find(schoolId).map((s) -> scope.covers(s.id(), s.regionId())).orElse(false);
	}

	/** The viewer asked for a school outside its scope (or one that does not exist). */
	static final class OutOfScope extends RuntimeException {

		OutOfScope(String schoolId) {
			super("school '" + schoolId + "' is not in your scope; choose one of your own schools");
		}

	}

}
