package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.dispatch.ManifestDispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A region's fan-out is a burst that holds device messages back (docs/reports.md): the
 * dispatcher marks it and the gateway counts what it published, seen through
 * {@code sunboard.mqtt.bursts}. The roll-forward's dispatch of every school, which
 * publishes nothing new, holds nothing.
 */
@Timeout(240)
class FanOutBurstIT {

	private static final int SCREENS = 120;

	@Test
	void aRegionFanOutHoldsDeviceMessagesBackAndADispatchThatPublishesNothingDoesNot(@TempDir Path dir) {
		try (RunningServer server = RunningServer.embedded(dir).start()) {
			assertThat(server.post("/api/v1/regions", Map.of("id", "licheng", "name", "鲤城区教育局")).status())
				.isEqualTo(201);
			assertThat(server.post("/api/v1/schools", Map.of("id", "lc-no1", "regionId", "licheng", "name", "鲤城区第一中学"))
				.status()).isEqualTo(201);
			DeviceRegistry registry = server.bean(DeviceRegistry.class);
			for (int i = 0; i < SCREENS; i++) {
				registry.register("lc-screen-" + i, "lc-no1", "屏 " + i, "landscape");
			}
			double before = bursts(server);

			Instant now = Instant.now();
			String posting = server.createApprovedPosting(Map.of("schoolId", "lc-no1", "title", "收费公示", "body",
					"作业本费：每生每学期 18 元。", "publicityStart", now.minusSeconds(3600).toString(), "publicityEnd",
					now.plus(Duration.ofDays(10)).toString()));
			assertThat(server.post("/api/v1/postings/" + posting + "/schedule",
					Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt",
							now.plus(Duration.ofDays(10)).toString(), "durationSeconds", 10, "targetType", "REGION",
							"targetId", "licheng"))
				.status()).isEqualTo(201);

			await().atMost(Duration.ofSeconds(60)).until(() -> bursts(server) == before + 1);

			assertThat(server.bean(ManifestDispatcher.class).dispatchAll()).as("nothing changed").isZero();
			assertThat(bursts(server)).isEqualTo(before + 1);
		}
	}

	private static double bursts(RunningServer server) {
		return server.get("/actuator/metrics/sunboard.mqtt.bursts")
			.json()
			.get("measurements")
			.get(0)
			.get("value")
			.asDouble();
	}

}
