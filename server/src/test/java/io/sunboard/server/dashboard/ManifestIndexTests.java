package io.sunboard.server.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.server.security.Scope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publish's progress: screens whose latest manifest holds the posting, and of those the
 * screens that applied a manifest holding it.
 */
class ManifestIndexTests {

	private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

	private final JsonCodec codec = new JsonCodec();

	private JdbcTemplate jdbc;

	private ManifestIndex index;

	private DashboardQuery query;

	@BeforeEach
	void setUp() {
		DataSource dataSource = DashboardQueryTests.DashboardFixture.database();
		this.jdbc = new JdbcTemplate(dataSource);
		this.index = new ManifestIndex(JdbcClient.create(dataSource), this.codec,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		this.query = new DashboardQuery(JdbcClient.create(dataSource));
		OffsetDateTime at = NOW.atOffset(ZoneOffset.UTC);
		this.jdbc.update("insert into region (id, name) values ('r1', '一区')");
		this.jdbc
			.update("insert into school (id, region_id, name, time_zone) values ('s1', 'r1', '一小', 'Asia/Shanghai')");
		this.jdbc.update("insert into content_blob (sha256, media_type, bytes, created_at) values (?, ?, ?, ?)",
				"a".repeat(64), "application/json", new byte[] { 1 }, at);
		for (String posting : List.of("fees", "holiday")) {
			this.jdbc.update(
					"insert into posting (id, school_id, kind, title, body, publicity_start, publicity_end,"
							+ " status, content_sha256, created_at, updated_at) values (?, 's1', 'notice', ?, '', ?, ?,"
							+ " 'APPROVED', ?, ?, ?)",
					posting, "标题 " + posting, at, at.plusDays(9), "a".repeat(64), at, at);
		}
		for (String device : List.of("a", "b", "c")) {
			this.jdbc.update("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
					+ " values (?, 's1', ?, 'landscape', ?, true, ?)", device, device, "c".repeat(64), at);
			this.jdbc.update("insert into device_state (device_id, online, session_epoch, applied_manifest_version,"
					+ " journal_depth, disk_free_bytes) values (?, true, 1, 0, 0, 0)", device);
		}
	}

	@Test
	void progressCountsScreensThatShouldShowAPostingAndThoseThatAppliedIt() {
		publish("a", 1, "fees");
		publish("b", 1, "fees");
		publish("c", 1, "holiday");
		assertThat(this.index.sync()).isEqualTo(3);
		applied("a", 1);
		assertThat(progress()).containsExactlyInAnyOrder(new PublishProgress("fees", "标题 fees", 1, 2),
				new PublishProgress("holiday", "标题 holiday", 0, 1));
		assertThat(this.index.sync()).as("nothing new").isZero();
	}

	@Test
	void aScreenThatAppliedAnEarlierManifestHoldingThePostingStillCountsAsShowingIt() {
		publish("a", 1, "fees");
		this.index.sync();
		applied("a", 1);
		publish("a", 2, "fees", "holiday");
		this.index.sync();
		assertThat(progress()).containsExactlyInAnyOrder(new PublishProgress("fees", "标题 fees", 1, 1),
				new PublishProgress("holiday", "标题 holiday", 0, 1));
		publish("a", 3, "holiday");
		this.index.sync();
		assertThat(progress()).containsExactly(new PublishProgress("holiday", "标题 holiday", 0, 1));
		applied("a", 3);
		assertThat(progress()).containsExactly(new PublishProgress("holiday", "标题 holiday", 1, 1));
	}

	private List<PublishProgress> progress() {
		return this.query.progress(Scope.ALL, 10);
	}

	private void applied(String device, long version) {
		this.jdbc.update("update device_state set applied_manifest_version = ? where device_id = ?", version, device);
	}

	private void publish(String device, long version, String... postings) {
		List<ManifestItem> items = java.util.Arrays.stream(postings)
			.map((p) -> new ManifestItem(p, "标题 " + p, "notice", "a".repeat(64), 10, 0, List.of()))
			.toList();
		String payload = this.codec
			.encodeToString(new Manifest(Manifest.SCHEMA, device, "s1", "一小", version, "b".repeat(64), NOW, items));
		int updated = this.jdbc.update(
				"update device_manifest set version = ?, payload = ?, published_at = ? where device_id = ?", version,
				payload, NOW.plusSeconds(version).atOffset(ZoneOffset.UTC), device);
		if (updated == 0) {
			this.jdbc.update(
					"insert into device_manifest (device_id, version, content_hash, payload, published_at)"
							+ " values (?, ?, ?, ?, ?)",
					device, version, "b".repeat(64), payload, NOW.plusSeconds(version).atOffset(ZoneOffset.UTC));
		}
	}

}
