package io.sunboard.server.dashboard;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sunboard.server.security.Scope;

import static org.assertj.core.api.Assertions.assertThat;

/** A dashboard is sent only what changed since its last message. */
class DashboardSessionTests {

	private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

	private final DashboardSession session = new DashboardSession(null, Scope.ALL, null, DashboardView.first(2));

	@Test
	void aDeltaHoldsOnlyTheRowsAndCountsThatChanged() {
		ScreenRow a = row("a", ScreenHealth.FINE, AT);
		ScreenRow b = row("b", ScreenHealth.FINE, AT);
		SchoolCounts s1 = new SchoolCounts("s1", "一小", 2, 0, 0);
		SchoolCounts s2 = new SchoolCounts("s2", "二小", 5, 0, 0);
		PublishProgress progress = new PublishProgress("p", "通知", 1, 2);
		assertThat(this.session.wantsSnapshot()).isTrue();
		DashboardMessages.Snapshot snapshot = this.session.snapshot(this.session.view(),
				new ScreenPage(List.of(a, b), 2), List.of(s1, s2), List.of(progress), List.of());
		assertThat(snapshot.rows()).containsExactly(a, b);
		assertThat(this.session.wantsSnapshot()).isFalse();

		assertThat(this.session.delta(new ScreenPage(List.of(a, b), 2), List.of(s1, s2), List.of(progress)).isEmpty())
			.as("nothing changed, nothing sent")
			.isTrue();

		ScreenRow bOffline = row("b", ScreenHealth.OFFLINE, AT);
		SchoolCounts s1Changed = new SchoolCounts("s1", "一小", 1, 0, 1);
		DashboardMessages.Delta delta = this.session.delta(new ScreenPage(List.of(a, bOffline), 2),
				List.of(s1Changed, s2), List.of(progress));
		assertThat(delta.rows()).containsExactly(bOffline);
		assertThat(delta.order()).isNull();
		assertThat(delta.total()).isNull();
		assertThat(delta.counts()).containsExactly(s1Changed);
		assertThat(delta.progress()).isNull();
	}

	@Test
	void aScreenLeavingThePageSendsTheNewOrderAndTotal() {
		ScreenRow a = row("a", ScreenHealth.STALE, AT);
		ScreenRow b = row("b", ScreenHealth.STALE, AT);
		ScreenRow c = row("c", ScreenHealth.STALE, AT);
		this.session.snapshot(this.session.view(), new ScreenPage(List.of(a, b), 3), List.of(), List.of(), List.of());
		DashboardMessages.Delta delta = this.session.delta(new ScreenPage(List.of(b, c), 2), List.of(),
				List.of(new PublishProgress("p", "通知", 2, 2)));
		assertThat(delta.order()).containsExactly("b", "c");
		assertThat(delta.rows()).containsExactly(c);
		assertThat(delta.total()).isEqualTo(2);
		assertThat(delta.progress()).hasSize(1);
	}

	@Test
	void feedbackArrivingIsSentOnceNewestFirst() {
		this.session.snapshot(this.session.view(), new ScreenPage(List.of(), 0), List.of(), List.of(), List.of());
		FeedbackItem first = new FeedbackItem("complaint", "s1", "一小", AT);
		FeedbackItem second = new FeedbackItem("suggestion", "s1", "一小", AT.plusSeconds(1));
		this.session.addFeedback(first);
		this.session.addFeedback(second);
		assertThat(this.session.hasNewFeedback()).isTrue();
		DashboardMessages.Delta delta = this.session.delta(new ScreenPage(List.of(), 0), List.of(), List.of());
		assertThat(delta.feedback()).containsExactly(second, first);
		assertThat(this.session.delta(new ScreenPage(List.of(), 0), List.of(), List.of()).isEmpty()).isTrue();
	}

	private static ScreenRow row(String id, ScreenHealth health, Instant heartbeat) {
		return new ScreenRow(id, "屏 " + id, "s1", "一小", health, heartbeat, 1, 1, null, null, 1000);
	}

}
