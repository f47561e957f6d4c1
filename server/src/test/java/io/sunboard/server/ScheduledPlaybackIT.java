package io.sunboard.server;

import io.sunboard.testsupport.MutableClock;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A posting scheduled 08:00-08:10 on weekdays appears on the kiosk at 08:00:00 and leaves
 * at 08:10:00 by the kiosk's own clock, with the broker stopped at 07:59.
 */
@ExtendWith(MosquittoExtension.class)
@Timeout(180)
class ScheduledPlaybackIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String TITLE = "晨间安全提示 08:00-08:10";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MosquittoBroker broker;

	private final HttpClient http = HttpClient.newHttpClient();

	ScheduledPlaybackIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@Test
	void weekdayMorningPostingAppearsAtEightAndLeavesAtTenPastOffline(@TempDir Path dir) throws Exception {
		this.broker.addServerAccount(Topics.DEFAULT_ROOT, SERVER_USER, SERVER_PASSWORD);
		LocalDate day = nextWeekday(LocalDate.now(SHANGHAI));
		Instant at0759 = day.atTime(7, 59).atZone(SHANGHAI).toInstant();
		Instant at0800 = day.atTime(8, 0).atZone(SHANGHAI).toInstant();
		Instant at0810 = day.atTime(8, 10).atZone(SHANGHAI).toInstant();
		MutableClock clock = new MutableClock(at0759);
		try (RunningServer server = RunningServer
			.external(dir.resolve("server"), this.broker, SERVER_USER, SERVER_PASSWORD)
			.start()) {
			String secret = seed(server);
			try (KioskClient kiosk = KioskClient.start(kioskConfig(server, secret, dir.resolve("kiosk")), clock)) {
				await().atMost(Duration.ofSeconds(60))
					.until(() -> kiosk.appliedManifestVersion() >= 1
							&& kiosk.appliedManifestVersion() == publishedVersionWithPosting(server));

				this.broker.stop();
				await().atMost(Duration.ofSeconds(30)).until(() -> !kiosk.isConnected());

				clock.set(at0800.minusMillis(1));
				await().during(Duration.ofMillis(2500))
					.atMost(Duration.ofSeconds(5))
					.until(() -> !html(kiosk).contains(TITLE));

				clock.set(at0800);
				await().atMost(Duration.ofSeconds(5)).until(() -> html(kiosk).contains(TITLE));

				clock.set(at0810.minusMillis(1));
				await().during(Duration.ofMillis(2500))
					.atMost(Duration.ofSeconds(5))
					.until(() -> html(kiosk).contains(TITLE));

				clock.set(at0810);
				await().atMost(Duration.ofSeconds(5)).until(() -> !html(kiosk).contains(TITLE));
				assertThat(html(kiosk)).as("the school's default page, never blank").contains("实验小学");
			}
		}
		finally {
			this.broker.start();
		}
	}

	private static LocalDate nextWeekday(LocalDate today) {
		LocalDate day = today.plusDays(1);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}

	private static String seed(RunningServer server) {
		server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局"));
		server.post("/api/v1/schools",
				Map.of("id", "shiyan", "regionId", "fengze", "name", "丰泽区实验小学", "timeZone", "Asia/Shanghai"));
		RunningServer.Response device = server.post("/api/v1/devices",
				Map.of("id", "morning-lobby", "schoolId", "shiyan", "name", "一楼大厅显示屏"));
		assertThat(device.status()).as(device.body()).isEqualTo(201);
		Instant now = Instant.now();
		String posting = server.createApprovedPosting(Map.of("schoolId", "shiyan", "title", TITLE, "body",
				"请同学们注意交通安全。", "publicityStart", now.minus(Duration.ofDays(1)).toString(), "publicityEnd",
				now.plus(Duration.ofDays(10)).toString()));
		RunningServer.Response entry = server.post("/api/v1/postings/" + posting + "/schedule",
				Map.of("startsAt", now.minus(Duration.ofDays(1)).toString(), "endsAt",
						now.plus(Duration.ofDays(10)).toString(), "dailyStart", LocalTime.of(8, 0).toString(),
						"dailyEnd", LocalTime.of(8, 10).toString(), "weekdays",
						List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "durationSeconds", 5));
		assertThat(entry.status()).as(entry.body()).isEqualTo(201);
		return device.json().get("secret").asString();
	}

	/** The manifest version the server published once it carries the posting, else -2. */
	private static long publishedVersionWithPosting(RunningServer server) {
		var answer = server.get("/api/v1/devices/morning-lobby/now-and-next?hours=168").json();
		boolean carriesIt = answer.get("next")
			.valueStream()
			.anyMatch((change) -> change.get("showing")
				.valueStream()
				.anyMatch((shown) -> TITLE.equals(shown.get("title").asString())));
		return carriesIt ? answer.get("manifestVersion").asLong() : -2;
	}

	private String html(KioskClient kiosk) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(kiosk.playerUrl().resolve("/now")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("html").asString();
	}

	private KioskConfig kioskConfig(RunningServer server, String secret, Path dataDir) {
		return FaultFixture.kioskConfig("morning-lobby", secret, this.broker.url(), server.url(), dataDir);
	}

}
