package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as systemd starts it: a bad configuration is reported with the key and
 * the expected form, and the process exits with status 2 (which the unit does not
 * restart).
 */
@Timeout(60)
class KioskMainIT {

	@TempDir
	Path dir;

	@Test
	void badConfigurationNamesTheKeyAndExitsWithStatus2() throws Exception {
		Path config = this.dir.resolve("kiosk.properties");
		Files.writeString(config, """
				device.id=lobby-01
				device.secret=s3cret
				broker.url=localhost
				server.url=http://127.0.0.1:8080
				data.dir=%s
				""".formatted(this.dir.resolve("data")), StandardCharsets.UTF_8);

		Result result = run(config.toString());

		assertThat(result.status()).isEqualTo(KioskMain.BAD_CONFIGURATION);
		assertThat(result.output()).contains(
				"Invalid kiosk configuration: broker.url: expected tcp://host:port or ssl://host:port, found 'localhost'");
	}

	@Test
	void missingConfigurationFileIsNamedAndExitsWithStatus2() throws Exception {
		Result result = run(this.dir.resolve("absent.properties").toString());

		assertThat(result.status()).isEqualTo(KioskMain.BAD_CONFIGURATION);
		assertThat(result.output()).contains("absent.properties").contains("readable UTF-8 properties file");
	}

	private static Result run(String argument) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-jar", shadedJar().toString(), argument).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private static Path shadedJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((f) -> f.getFileName().toString().matches("kiosk-client-.*-all\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no shaded jar in target/; run the package phase"));
		}
	}

	private record Result(int status, String output) {
	}

}
