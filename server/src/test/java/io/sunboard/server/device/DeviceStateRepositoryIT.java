package io.sunboard.server.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.sunboard.protocol.Heartbeat;
import io.sunboard.server.dispatch.OneSchoolDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats of several screens recorded with one JDBC batch, on a real H2 database with
 * the real schema: every field of each lands on its own screen's row.
 */
class DeviceStateRepositoryIT {

	private static final Instant T0 = Instant.parse("2026-11-20T08:15:00Z");

	private DeviceStateRepository states;

	@BeforeEach
	void database() {
		OneSchoolDatabase db = OneSchoolDatabase.with("dev-1", "dev-2", "dev-3");
		for (String id : List.of("dev-1", "dev-2", "dev-3")) {
			db.jdbc()
				.sql("insert into device_state (device_id, online, session_epoch, applied_manifest_version,"
						+ " journal_depth, disk_free_bytes) values (?, true, 1, 0, 0, 0)")
				.param(id)
				.update();
		}
		this.states = new DeviceStateRepository(db.jdbc(), db.batches());
	}

	@Test
	void heartbeatsOfSeveralScreensAreRecordedEachOnItsOwnRow() {
		Heartbeat one = new Heartbeat("dev-1", T0, 60, 7, "post-1", 3, 4_096, 1_024, 1_000_000, "1.2.0", -250L);
		Heartbeat two = new Heartbeat("dev-2", T0, 120, 9, null, 0, 8_192, 2_048, 2_000_000, "1.3.0", null);
		// a screen retired meanwhile has no row to update: the others are recorded
		Heartbeat gone = new Heartbeat("dev-gone", T0, 1, 1, null, 0, 0, 0, 0, "1.3.0", 0L);

		this.states.recordHeartbeats(List.of(one, gone, two), T0.plusSeconds(1));

		Map<String, DeviceState> all = this.states.findAll();
		DeviceState first = all.get("dev-1");
		assertThat(first.heartbeatAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(first.appliedManifestVersion()).isEqualTo(7);
		assertThat(first.nowPlaying()).isEqualTo("post-1");
		assertThat(first.journalDepth()).isEqualTo(3);
		assertThat(first.diskFreeBytes()).isEqualTo(1_000_000);
		assertThat(first.clientVersion()).isEqualTo("1.2.0");
		assertThat(first.uptimeSeconds()).isEqualTo(60L);
		assertThat(first.cacheBytes()).isEqualTo(4_096L);
		assertThat(first.heapUsedBytes()).isEqualTo(1_024L);
		assertThat(first.clockOffsetMs()).isEqualTo(-250L);
		DeviceState second = all.get("dev-2");
		assertThat(second.appliedManifestVersion()).isEqualTo(9);
		assertThat(second.nowPlaying()).isNull();
		assertThat(second.uptimeSeconds()).isEqualTo(120L);
		assertThat(second.clockOffsetMs()).isNull();
		assertThat(all.get("dev-3").heartbeatAt()).isNull();
		assertThat(all).doesNotContainKey("dev-gone");
	}

}
