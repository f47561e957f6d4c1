package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.sunboard.templates.ScreenProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KioskConfigTests {

	@TempDir
	Path dir;

	@Test
	void appliesDefaultsForOptionalKeys() {
		KioskConfig config = KioskConfig.from(Fixtures.properties(this.dir));

		assertThat(config.deviceId()).isEqualTo("lobby-01");
		assertThat(config.secret()).isEqualTo("s3cret");
		assertThat(config.brokerUrl()).hasToString("tcp://127.0.0.1:1883");
		assertThat(config.serverUrl()).hasToString("http://127.0.0.1:8080");
		assertThat(config.topicRoot()).isEqualTo("sunboard/v1");
		assertThat(config.dataDir()).isEqualTo(this.dir);
		assertThat(config.playerBind()).isEqualTo("127.0.0.1");
		assertThat(config.playerPort()).isEqualTo(8090);
		assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
		assertThat(config.profile()).isEqualTo(ScreenProfile.LANDSCAPE);
		assertThat(config.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(config.repliesInterval()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void readsEveryKey() {
		Properties properties = Fixtures.properties(this.dir);
		properties.setProperty("broker.url", "ssl://broker.example.edu.cn:8883");
		properties.setProperty("server.url", "https://sunboard.example.edu.cn/");
		properties.setProperty("topic.root", "district-7/sunboard/v1");
		properties.setProperty("player.bind", "0.0.0.0");
		properties.setProperty("player.port", "0");
		properties.setProperty("heartbeat.seconds", "30");
		properties.setProperty("screen.profile", "Portrait");
		properties.setProperty("locale", "zh-TW");
		properties.setProperty("screenshot.command", "/opt/shot {url} {file}");
		properties.setProperty("cache.max-mb", "64");
		properties.setProperty("journal.max-events", "5000");
		properties.setProperty("touch.idle-seconds", "90");
		properties.setProperty("public.url-template", "https://gk.example.edu.cn/public/postings/{postingId}");
		properties.setProperty("replies.fetch-minutes", "30");

		KioskConfig config = KioskConfig.from(properties);
		assertThat(config.repliesInterval()).isEqualTo(Duration.ofMinutes(30));

		assertThat(config.publicUrlTemplate()).isEqualTo("https://gk.example.edu.cn/public/postings/{postingId}");
		assertThat(config.renderContext().publicUrl("p-1")).isEqualTo("https://gk.example.edu.cn/public/postings/p-1");

		assertThat(config.brokerUrl()).hasToString("ssl://broker.example.edu.cn:8883");
		assertThat(config.serverUrl()).hasToString("https://sunboard.example.edu.cn");
		assertThat(config.topicRoot()).isEqualTo("district-7/sunboard/v1");
		assertThat(config.playerBind()).isEqualTo("0.0.0.0");
		assertThat(config.playerPort()).isZero();
		assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(config.profile()).isEqualTo(ScreenProfile.PORTRAIT);
		assertThat(config.locale()).isEqualTo(Locale.TRADITIONAL_CHINESE);
		assertThat(config.screenshotCommand()).isEqualTo("/opt/shot {url} {file}");
		assertThat(config.cacheMaxBytes()).isEqualTo(64L * 1024 * 1024);
		assertThat(config.journalCapacity()).isEqualTo(5000);
		assertThat(config.touchIdle()).isEqualTo(Duration.ofSeconds(90));
	}

	@ParameterizedTest(name = "{0} = ''{1}''")
	@CsvSource(delimiter = '|', value = {
			"device.id         | lobby 01      | device.id: expected 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit, e.g. lobby-01, found 'lobby 01'",
			"broker.url        | localhost     | broker.url: expected tcp://host:port or ssl://host:port, found 'localhost'",
			"broker.url        | tcp://host    | broker.url: expected tcp://host:port or ssl://host:port, found 'tcp://host'",
			"broker.url        | ws://host:80  | broker.url: expected tcp://host:port or ssl://host:port, found 'ws://host:80'",
			"server.url        | ftp://host:21 | server.url: expected http://host:port or https://host:port, found 'ftp://host:21'",
			"server.url        | host:8080     | server.url: expected http://host:port or https://host:port, found 'host:8080'",
			"topic.root        | a/+/b         | topic.root: expected levels of letters, digits, '-' or '_' separated by '/', e.g. sunboard/v1 (the same root the server uses), found 'a/+/b'",
			"player.bind       | a b           | player.bind: expected an address or host name to listen on, e.g. 127.0.0.1, found 'a b'",
			"player.port       | 70000         | player.port: expected a port 1-65535, or 0 for any free port, found '70000'",
			"player.port       | http          | player.port: expected a port 1-65535, or 0 for any free port, found 'http'",
			"heartbeat.seconds | 0             | heartbeat.seconds: expected whole seconds 1-3600, found '0'",
			"heartbeat.seconds | 1.5           | heartbeat.seconds: expected whole seconds 1-3600, found '1.5'",
			"screen.profile    | round         | screen.profile: expected landscape, portrait or kiosk, found 'round'",
			"locale            | zh_CN!        | locale: expected a language tag such as zh-CN, zh-TW or en, found 'zh_CN!'",
			"screenshot.command | /opt/shot    | screenshot.command: expected a command line with {url} (the player page) and {file} (the PNG to write), or empty for none, found '/opt/shot'",
			"cache.max-mb      | 0             | cache.max-mb: expected whole megabytes 1-1048576, e.g. 512, found '0'",
			"journal.max-events | 10           | journal.max-events: expected a whole number of events 100-10000000, found '10'",
			"touch.idle-seconds | 1            | touch.idle-seconds: expected whole seconds 2-3600, found '1'",
			"replies.fetch-minutes | 0         | replies.fetch-minutes: expected whole minutes 1-1440, e.g. 10, found '0'",
			"public.url-template | https://gk.example.edu.cn/p | public.url-template: expected an http(s) address with {postingId} in place of the posting's id, e.g. https://gk.example.edu.cn/public/postings/{postingId}, found 'https://gk.example.edu.cn/p'",
			"public.url-template | ftp://gk/{postingId} | public.url-template: expected an http(s) address with {postingId} in place of the posting's id, e.g. https://gk.example.edu.cn/public/postings/{postingId}, found 'ftp://gk/{postingId}'" })
	void errorNamesTheKeyWhatWasFoundAndTheExpectedForm(String key, String value, String message) {
		Properties properties = Fixtures.properties(this.dir);
		properties.setProperty(key, value);

		assertThatExceptionOfType(KioskConfigException.class).isThrownBy(() -> KioskConfig.from(properties))
			.withMessage(message);
	}

	@ParameterizedTest
	@CsvSource({ "device.id, the device id the server registered", "device.secret, the device secret the server issued",
			"broker.url, tcp://host:port or ssl://host:port", "server.url, http://host:port or https://host:port",
			"data.dir, a writable directory" })
	void missingRequiredKeyIsNamedWithTheExpectedForm(String key, String expected) {
		Properties properties = Fixtures.properties(this.dir);
		properties.remove(key);

		assertThatExceptionOfType(KioskConfigException.class).isThrownBy(() -> KioskConfig.from(properties))
			.withMessageStartingWith(key + ": expected " + expected)
			.withMessageContaining("found nothing; set " + key);
	}

	@Test
	void loadsAUtf8PropertiesFile() throws IOException {
		Path file = this.dir.resolve("kiosk.properties");
		Files.writeString(file, """
				# 一楼大厅
				device.id=lobby-01
				device.secret=密钥
				broker.url=tcp://10.0.0.2:1883
				server.url=http://10.0.0.2:8080
				data.dir=/var/lib/sunboard
				""", StandardCharsets.UTF_8);

		KioskConfig config = KioskConfig.load(file);

		assertThat(config.secret()).isEqualTo("密钥");
		assertThat(config.toString()).doesNotContain("密钥").contains("secret=****");
	}

	@Test
	void missingFileSaysWhichFile() {
		Path file = this.dir.resolve("absent.properties");

		assertThatExceptionOfType(KioskConfigException.class).isThrownBy(() -> KioskConfig.load(file))
			.withMessageContaining(file.toString())
			.withMessageContaining("readable UTF-8 properties file");
	}

	@ParameterizedTest
	@ValueSource(strings = { "touch-kiosk.properties", "lobby-screen.properties" })
	void shippedExamplesAreValidAndCarryTheQrTarget(String example) {
		KioskConfig config = KioskConfig.load(Path.of("..", "device-config", "kiosk", example));

		assertThat(config.publicUrlTemplate()).isEqualTo("https://sunboard.example.edu.cn/public/postings/{postingId}");
	}

}
