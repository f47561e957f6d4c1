package io.sunboard.kiosk;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.Ids;
import io.sunboard.protocol.Topics;
import io.sunboard.templates.ScreenProfile;

/** Turns kiosk properties into a {@link KioskConfig}, one key at a time. */
final class ConfigReader {

	private static final Logger log = LoggerFactory.getLogger(ConfigReader.class);

	static final Set<String> KEYS = Set.of("device.id", "device.secret", "broker.url", "server.url", "topic.root",
			"data.dir", "player.bind", "player.port", "heartbeat.seconds", "screen.profile", "locale",
			"screenshot.command", "cache.max-mb", "journal.max-events", "touch.idle-seconds", "public.url-template",
			"broker.ca-file", "replies.fetch-minutes");

	/**
	 * Debian's Chromium, headless, on the player page; used when the file exists and
	 * {@code screenshot.command} is not set.
	 */
	static final String DEFAULT_SCREENSHOT_COMMAND = "/usr/bin/chromium --headless --no-sandbox --disable-gpu "
			+ "--hide-scrollbars --user-data-dir={profile} --window-size={width},{height} --screenshot={file} {url}";

	private final Properties properties;

	ConfigReader(Properties properties) {
		this.properties = properties;
	}

	KioskConfig read() {
		warnAboutUnknownKeys();
		return new KioskConfig(deviceId(), secret(), brokerUrl(), serverUrl(), topicRoot(), dataDir(), playerBind(),
				integer("player.port", "8090", 0, 65535, "a port 1-65535, or 0 for any free port"),
				Duration.ofSeconds(integer("heartbeat.seconds", "15", 1, 3600, "whole seconds 1-3600")), profile(),
				locale(), screenshotCommand(),
				integer("cache.max-mb", "512", 1, 1_048_576, "whole megabytes 1-1048576, e.g. 512") * 1024L * 1024L,
				integer("journal.max-events", "100000", 100, 10_000_000, "a whole number of events 100-10000000"),
				Duration.ofSeconds(integer("touch.idle-seconds", "60", 2, 3600, "whole seconds 2-3600")),
				publicUrlTemplate(), brokerCaFile(),
				Duration.ofMinutes(integer("replies.fetch-minutes", "10", 1, 1440, "whole minutes 1-1440, e.g. 10")));
	}

	/**
	 * Unknown keys are most likely typos, but refusing them would stop a screen whose
	 * file came from a newer release, so they are only logged.
	 */
	private void warnAboutUnknownKeys() {
		Set<String> unknown = new TreeSet<>(this.properties.stringPropertyNames());
		unknown.removeAll(KEYS);
		if (!unknown.isEmpty()) {
			log.warn("Ignoring unknown kiosk configuration keys {}; known keys are {}", unknown, new TreeSet<>(KEYS));
		}
	}

	private String deviceId() {
		String value = required("device.id", "the device id the server registered, e.g. lobby-01");
		if (!Ids.isValid(value)) {
			throw invalid("device.id", value,
					"1-64 letters, digits, '-', '_' or '.', starting with a letter or digit, e.g. lobby-01");
		}
		return value;
	}

	private String secret() {
		return required("device.secret", "the device secret the server issued");
	}

	private URI brokerUrl() {
		String expected = "tcp://host:port or ssl://host:port";
		URI uri = uri("broker.url", required("broker.url", expected), expected);
		if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getPort() < 1 || !(uri.getPath() == null || uri.getPath().isEmpty())) {
			throw invalid("broker.url", uri.toString(), expected);
		}
		return uri;
	}

	private URI serverUrl() {
		String expected = "http://host:port or https://host:port";
		URI uri = uri("server.url", required("server.url", expected), expected);
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getQuery() != null || uri.getFragment() != null) {
			throw invalid("server.url", uri.toString(), expected);
		}
		// A trailing slash would double up with the content path's leading one.
		String text = uri.toString();
		return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
	}

	private String topicRoot() {
		String value = optional("topic.root", Topics.DEFAULT_ROOT);
		try {
			return new Topics(value).root();
		}
		catch (IllegalArgumentException ex) {
			throw invalid("topic.root", value, "levels of letters, digits, '-' or '_' separated by '/', e.g. "
					+ Topics.DEFAULT_ROOT + " (the same root the server uses)");
		}
	}

	private Path dataDir() {
		String value = required("data.dir", "a writable directory, e.g. /var/lib/sunboard");
		try {
			return Path.of(value);
		}
		catch (InvalidPathException ex) {
			throw invalid("data.dir", value, "a writable directory, e.g. /var/lib/sunboard");
		}
	}

	/** Checked now, so a typo stops the kiosk at start, not at every reconnect. */
	private Path brokerCaFile() {
		String value = optional("broker.ca-file", "");
		if (value.isBlank()) {
			return null;
		}
		String expected = "a readable PEM file with the broker's CA certificate, e.g. /etc/sunboard/broker-ca.pem";
		try {
			Path file = Path.of(value.strip());
			if (!Files.isReadable(file)) {
				throw invalid("broker.ca-file", value, expected);
			}
			return file;
		}
		catch (InvalidPathException ex) {
			throw invalid("broker.ca-file", value, expected);
		}
	}

	private String playerBind() {
		String value = optional("player.bind", "127.0.0.1");
		if (!value.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
			throw invalid("player.bind", value, "an address or host name to listen on, e.g. 127.0.0.1");
		}
		return value;
	}

	private ScreenProfile profile() {
		String value = optional("screen.profile", "landscape");
		for (ScreenProfile profile : ScreenProfile.values()) {
			if (profile.name().equalsIgnoreCase(value)) {
				return profile;
			}
		}
		throw invalid("screen.profile", value, "landscape, portrait or kiosk");
	}

	private String screenshotCommand() {
		String value = this.properties.getProperty("screenshot.command");
		if (value == null) {
			return Files.isExecutable(Path.of("/usr/bin/chromium")) ? DEFAULT_SCREENSHOT_COMMAND : "";
		}
		value = value.strip();
		if (!value.isEmpty() && (!value.contains("{file}") || !value.contains("{url}"))) {
			throw invalid("screenshot.command", value,
					"a command line with {url} (the player page) and {file} (the PNG to write), or empty for none");
		}
		return value;
	}

	/**
	 * Where a posting's public page lives, for the QR code on every page; without it the
	 * pages carry no QR code.
	 */
	private String publicUrlTemplate() {
		String value = this.properties.getProperty("public.url-template");
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.strip();
		String expected = "an http(s) address with {postingId} in place of the posting's id, "
				+ "e.g. https://gk.example.edu.cn/public/postings/{postingId}";
		if (!value.contains("{postingId}")) {
			throw invalid("public.url-template", value, expected);
		}
		URI uri = uri("public.url-template", value.replace("{postingId}", "p"), expected);
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
			throw invalid("public.url-template", value, expected);
		}
		return value;
	}

	private Locale locale() {
		String value = optional("locale", "zh-CN");
		try {
			return new Locale.Builder().setLanguageTag(value).build();
		}
		catch (IllformedLocaleException ex) {
			throw invalid("locale", value, "a language tag such as zh-CN, zh-TW or en");
		}
	}

	private int integer(String key, String defaultValue, int min, int max, String expected) {
		String value = optional(key, defaultValue);
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below with the expected form
		}
		throw invalid(key, value, expected);
	}

	private URI uri(String key, String value, String expected) {
		try {
			return new URI(value);
		}
		catch (URISyntaxException ex) {
			throw invalid(key, value, expected);
		}
	}

	private String required(String key, String expected) {
		String value = this.properties.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new KioskConfigException(
					key + ": expected " + expected + ", found nothing; set " + key + " in the kiosk properties file");
		}
		return value.strip();
	}

	private String optional(String key, String defaultValue) {
		String value = this.properties.getProperty(key);
		return (value == null || value.isBlank()) ? defaultValue : value.strip();
	}

	private static KioskConfigException invalid(String key, String found, String expected) {
		return new KioskConfigException(key + ": expected " + expected + ", found '" + found + "'");
	}

}
