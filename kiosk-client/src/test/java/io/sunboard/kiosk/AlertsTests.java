package io.sunboard.kiosk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.Alert;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsTests {

	private static final String SHA = "e".repeat(64);

	private final List<List<String>> subscribed = new ArrayList<>();

	private final AtomicInteger changes = new AtomicInteger();

	private final Topics topics = Topics.defaults();

	private final Alerts alerts = new Alerts(Fixtures.CODEC, this.topics, this.subscribed::add);

	AlertsTests() {
		this.alerts.onChange(this.changes::incrementAndGet);
	}

	@Test
	void followsTheSchoolAndRegionTheManifestNamesOnce() {
		this.alerts.follow(manifest("s1", "r1"));
		this.alerts.follow(manifest("s1", "r1"));

		assertThat(this.subscribed)
			.containsExactly(List.of(this.topics.schoolAlert("s1"), this.topics.regionAlert("r1")));
		assertThat(this.alerts.handles(this.topics.regionAlert("r1"))).isTrue();
		assertThat(this.alerts.handles(this.topics.regionAlert("r2"))).isFalse();
	}

	@Test
	void newestAlertWinsAndAnEmptyPayloadClearsIt() {
		this.alerts.follow(manifest("s1", "r1"));
		Alert region = new Alert("a-1", "全区停课", Instant.parse("2026-11-23T08:00:00Z"));
		Alert school = new Alert("a-2", "本校疏散演练", Instant.parse("2026-11-23T08:05:00Z"));

		this.alerts.received(this.topics.regionAlert("r1"), Fixtures.CODEC.encode(region));
		this.alerts.received(this.topics.schoolAlert("s1"), Fixtures.CODEC.encode(school));
		assertThat(this.alerts.current()).contains(school);

		this.alerts.received(this.topics.schoolAlert("s1"), new byte[0]);
		assertThat(this.alerts.current()).contains(region);
		this.alerts.received(this.topics.regionAlert("r1"), new byte[0]);
		assertThat(this.alerts.current()).isEmpty();
		assertThat(this.changes.get()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void malformedAlertsAndForeignTopicsAreIgnored() {
		this.alerts.follow(manifest("s1", null));

		this.alerts.received(this.topics.schoolAlert("s1"), "not json".getBytes());
		this.alerts.received(this.topics.schoolAlert("s2"),
				Fixtures.CODEC.encode(new Alert("a-3", "别校", Instant.parse("2026-11-23T08:00:00Z"))));

		assertThat(this.alerts.current()).isEmpty();
	}

	private static Manifest manifest(String schoolId, String regionId) {
		return new Manifest(Manifest.SCHEMA, "d1", schoolId, "学校", 1, SHA, Instant.parse("2026-11-23T00:00:00Z"),
				List.of(), regionId);
	}

}
