package io.sunboard.kiosk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.templates.ScreenProfile;

/**
 * Takes a PNG of the player page with the configured command (by default a headless
 * Chromium next to the kiosk browser, so the image shows what the screen's browser shows
 * from the same page) and uploads it to the server for the command that asked.
 */
final class Screenshots {

	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(60);

	private final String commandLine;

	private final Supplier<URI> playerUrl;

	private final ScreenProfile profile;

	private final Path workDir;

	private final HttpClient http;

	private final URI serverUrl;

	private final String authorization;

	Screenshots(KioskConfig config, Supplier<URI> playerUrl, HttpClient http) {
		this.commandLine = config.screenshotCommand();
		this.playerUrl = playerUrl;
		this.profile = config.profile();
		this.workDir = config.dataDir().resolve("screenshot");
		this.http = http;
		this.serverUrl = config.serverUrl();
		this.authorization = DeviceHttp.bearer(config.deviceId(), config.secret());
	}

	boolean available() {
		return !this.commandLine.isEmpty();
	}

	/**
	 * Takes and uploads the screenshot for {@code commandId}; blocks (run it off the
	 * timer and inbox threads).
	 * @throws IOException saying what failed
	 */
	void takeAndUpload(String commandId) throws IOException {
		byte[] png = take();
		upload(commandId, png);
	}

	byte[] take() throws IOException {
		if (!available()) {
			throw new IOException("no screenshot.command is configured and /usr/bin/chromium is missing");
		}
		Files.createDirectories(this.workDir);
		Path file = this.workDir.resolve("screen.png");
		Files.deleteIfExists(file);
		List<String> command = command(file);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.workDir.resolve("command.log").toFile())
			.start();
		try {
			if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("screenshot command did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while taking a screenshot", ex);
		}
		if (process.exitValue() != 0 || !Files.isRegularFile(file)) {
			throw new IOException("screenshot command exited with " + process.exitValue() + " and wrote "
					+ (Files.isRegularFile(file) ? "a file" : "no file") + "; see "
					+ this.workDir.resolve("command.log"));
		}
		byte[] png = Files.readAllBytes(file);
		Files.deleteIfExists(file);
		if (png.length > DeviceHttp.MAX_SCREENSHOT_BYTES) {
			throw new IOException(
					"screenshot is " + png.length + " bytes, over the limit of " + DeviceHttp.MAX_SCREENSHOT_BYTES);
		}
		return png;
	}

	private List<String> command(Path file) {
		boolean portrait = this.profile == ScreenProfile.PORTRAIT;
		List<String> command = new ArrayList<>();
		for (String part : Arrays.asList(this.commandLine.trim().split("\\s+"))) {
			command.add(part.replace("{url}", this.playerUrl.get().toString())
				.replace("{file}", file.toString())
				.replace("{profile}", this.workDir.resolve("browser-profile").toString())
				.replace("{width}", portrait ? "1080" : "1920")
				.replace("{height}", portrait ? "1920" : "1080"));
		}
		return command;
	}

	private void upload(String commandId, byte[] png) throws IOException {
		URI uri = URI.create(this.serverUrl + DeviceHttp.screenshotPath(commandId));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(UPLOAD_TIMEOUT)
			.header(DeviceHttp.AUTHORIZATION, this.authorization)
			.header("Content-Type", "image/png")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(png))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while uploading to " + uri, ex);
		}
		if (response.statusCode() != 200 && response.statusCode() != 201) {
			throw new IOException("server answered HTTP " + response.statusCode() + " to the screenshot upload: "
					+ response.body().strip());
		}
	}

}
