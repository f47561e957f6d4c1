package io.sunboard.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emergency alerts raised and cleared from the console as a browser posts the forms
 * (session and CSRF token): they are stored, go out retained to the screens, are listed
 * on the page, and every refusal (no text, too long, no such school, no right) raises
 * nothing. Each test alerts its own schools and regions, so they run in any order on one
 * server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ConsoleAlertsIT {

	private static final String PASSWORD = "console-alerts-password-1";

	private static final String REGION_ALERT = "因暴雨红色预警，今日全区停课，请家长注意安全。";

	private static final String SCHOOL_ALERT = "因暴雨红色预警，今日停课";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private RunningServer server;

	private String secret;

	@BeforeAll
	void seed(@TempDir Path dir) {
		this.server = RunningServer.embedded(dir).start();
		this.server.post("/api/v1/regions", Map.of("id", "r1", "name", "一区"));
		this.server.post("/api/v1/regions", Map.of("id", "r2", "name", "二区"));
		this.server.post("/api/v1/schools", Map.of("id", "s1", "regionId", "r1", "name", "一小"));
		this.server.post("/api/v1/schools", Map.of("id", "s2", "regionId", "r1", "name", "二小"));
		this.server.post("/api/v1/schools", Map.of("id", "s3", "regionId", "r2", "name", "三小"));
		RunningServer.Response device = this.server.post("/api/v1/devices",
				Map.of("id", "d1", "schoolId", "s1", "name", "大厅屏"));
		assertThat(device.status()).as(device.body()).isEqualTo(201);
		this.secret = device.json().get("secret").asString();
		RunningServer.Response account = this.server.post("/api/v1/accounts", Map.of("username", "s2-editor",
				"password", PASSWORD, "role", "SCHOOL_EDITOR", "scopeType", "SCHOOL", "scopeId", "s2"));
		assertThat(account.status()).as(account.body()).isEqualTo(201);
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void alertsRaisedFromTheConsoleReachTheScreensAndAreClearedFromIt() throws MqttException {
		Topics topics = this.server.bean(Topics.class);
		Map<String, String> received = new ConcurrentHashMap<>();
		MqttClient screen = subscribeAsScreen("d1", this.secret, received, topics.schoolAlert("s1"),
				topics.regionAlert("r1"));
		try {
			ConsoleSession admin = ConsoleSession.signIn(this.server.url(), "admin", RunningServer.ADMIN_PASSWORD);
			assertThat(admin.get("/").body()).as("the navigation links the page").contains("href=\"/console/alerts\"");

			RunningServer.Response region = admin.post("/console/alerts",
					Map.of("target", "region:r1", "text", REGION_ALERT));
			assertThat(region.status()).isEqualTo(302);
			assertThat(region.body()).endsWith("/console/alerts");
			RunningServer.Response school = admin.post("/console/alerts",
					Map.of("target", "school:s1", "text", SCHOOL_ALERT));
			assertThat(school.status()).isEqualTo(302);

			RunningServer.Response page = admin.get("/console/alerts");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("已向“一小”的全部显示屏发布预警。")
				.contains("data-alert=\"region/r1\"")
				.contains("data-alert=\"school/s1\"")
				.contains("一区")
				.contains(REGION_ALERT)
				.contains(SCHOOL_ALERT)
				.contains("/console/alerts/region/r1/clear")
				.contains("/console/alerts/school/s1/clear");
			assertThat(inForce()).contains("REGION r1", "SCHOOL s1");
			await().atMost(WAIT)
				.until(() -> received.getOrDefault(topics.regionAlert("r1"), "").contains(REGION_ALERT)
						&& received.getOrDefault(topics.schoolAlert("s1"), "").contains(SCHOOL_ALERT));

			// another school's editor of the region sees the region's alert, not s1's,
			// and
			// may not clear it
			ConsoleSession editor = ConsoleSession.signIn(this.server.url(), "s2-editor", PASSWORD);
			RunningServer.Response editorPage = editor.get("/console/alerts");
			assertThat(editorPage.body()).contains(REGION_ALERT)
				.doesNotContain(SCHOOL_ALERT)
				.doesNotContain("/console/alerts/region/r1/clear");
			assertThat(editor.post("/console/alerts/region/r1/clear", Map.of()).status()).isEqualTo(302);
			assertThat(editor.get("/console/alerts").body()).contains("您的账号无权向“r1”发布或解除预警");
			assertThat(inForce()).contains("REGION r1");

			RunningServer.Response cleared = admin.post("/console/alerts/region/r1/clear", Map.of());
			assertThat(cleared.status()).isEqualTo(302);
			assertThat(cleared.body()).endsWith("/console/alerts");
			page = admin.get("/console/alerts");
			assertThat(page.body()).contains("已解除“一区”的预警").doesNotContain(REGION_ALERT).contains(SCHOOL_ALERT);
			assertThat(inForce()).doesNotContain("REGION r1").contains("SCHOOL s1");
			await().atMost(WAIT).until(() -> "".equals(received.get(topics.regionAlert("r1"))));

			assertThat(admin.post("/console/alerts/region/r1/clear", Map.of()).status())
				.as("clearing what is not in force is an error on the page, not a 500")
				.isEqualTo(302);
			assertThat(admin.get("/console/alerts").body()).contains("“一区”当前没有生效的预警");

			assertThat(admin.post("/console/alerts/school/s1/clear", Map.of()).status()).isEqualTo(302);
			assertThat(inForce()).doesNotContain("SCHOOL s1");
		}
		finally {
			screen.disconnect();
			screen.close();
		}
	}

	@Test
	void aSchoolsEditorAlertsItsSchoolOnlyAndMayChooseNothingElse() {
		ConsoleSession editor = ConsoleSession.signIn(this.server.url(), "s2-editor", PASSWORD);
		RunningServer.Response form = editor.get("/console/alerts");
		assertThat(form.body()).as("its one school, chosen already")
			.contains("value=\"school:s2\" selected=\"selected\"")
			.doesNotContain("value=\"school:s1\"")
			.doesNotContain("value=\"school:s3\"")
			.doesNotContain("value=\"region:");

		RunningServer.Response otherSchool = editor.post("/console/alerts",
				Map.of("target", "school:s3", "text", SCHOOL_ALERT));
		assertThat(otherSchool.status()).isEqualTo(403);
		assertThat(otherSchool.body()).contains("您的账号无权向“s3”发布或解除预警").contains(SCHOOL_ALERT);
		RunningServer.Response region = editor.post("/console/alerts",
				Map.of("target", "region:r2", "text", REGION_ALERT));
		assertThat(region.status()).isEqualTo(403);
		assertThat(region.body()).contains("您的账号无权向“r2”发布或解除预警");
		assertThat(inForce()).doesNotContain("SCHOOL s3", "REGION r2");

		RunningServer.Response own = editor.post("/console/alerts",
				Map.of("target", "school:s2", "text", SCHOOL_ALERT));
		assertThat(own.status()).isEqualTo(302);
		assertThat(inForce()).contains("SCHOOL s2");
		assertThat(editor.post("/console/alerts/school/s2/clear", Map.of()).status()).isEqualTo(302);
		assertThat(inForce()).doesNotContain("SCHOOL s2");
	}

	@Test
	void badInputShowsThePageAgainWithWhatToDoAndRaisesNothing() {
		ConsoleSession admin = ConsoleSession.signIn(this.server.url(), "admin", RunningServer.ADMIN_PASSWORD);

		RunningServer.Response blank = admin.post("/console/alerts", Map.of("target", "school:s3", "text", " \n "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("请填写预警内容").contains("id=\"raise-form\"");

		String tooLong = "停".repeat(2001);
		RunningServer.Response longText = admin.post("/console/alerts", Map.of("target", "region:r2", "text", tooLong));
		assertThat(longText.status()).isEqualTo(400);
		assertThat(longText.body()).contains("预警内容最多 2000 个字符，现有 2001 个")
			.as("the text is kept to shorten")
			.contains(tooLong);

		RunningServer.Response unknown = admin.post("/console/alerts",
				Map.of("target", "school:nowhere", "text", SCHOOL_ALERT));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("没有编号为“nowhere”的学校或区域");

		RunningServer.Response noTarget = admin.post("/console/alerts", Map.of("target", "", "text", REGION_ALERT));
		assertThat(noTarget.status()).isEqualTo(400);
		assertThat(noTarget.body()).contains("请选择要发布预警的学校或区域");
		assertThat(admin.post("/console/alerts", Map.of("target", "district:r2", "text", REGION_ALERT)).status())
			.isEqualTo(400);

		RunningServer.Response english = admin.post("/console/alerts?lang=en",
				Map.of("target", "school:s3", "text", ""));
		assertThat(english.body()).contains("Write the alert text");

		assertThat(inForce()).doesNotContain("SCHOOL s3", "REGION r2", "SCHOOL nowhere");
	}

	/** The alerts in force as "SCOPE target", straight from the database. */
	private List<String> inForce() {
		return this.server.bean(JdbcClient.class)
			.sql("select scope, target_id from active_alert")
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
			.list();
	}

	/**
	 * Subscribes as a screen would, keeping each topic's last payload ("" when cleared).
	 */
	private MqttClient subscribeAsScreen(String deviceId, String secret, Map<String, String> received,
			String... filters) throws MqttException {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + this.server.property("sunboard.broker.embedded.port"),
				deviceId, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(deviceId);
		options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		options.setConnectionTimeout(10);
		client.connect(options);
		MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
		IMqttMessageListener[] listeners = new IMqttMessageListener[filters.length];
		for (int i = 0; i < filters.length; i++) {
			subscriptions[i] = new MqttSubscription(filters[i], 1);
			listeners[i] = (topic, message) -> received.put(topic,
					new String(message.getPayload(), StandardCharsets.UTF_8));
		}
		client.subscribe(subscriptions, listeners);
		return client;
	}

}
