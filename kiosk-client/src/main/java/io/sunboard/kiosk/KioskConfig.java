package io.sunboard.kiosk;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

import io.sunboard.templates.RenderContext;
import io.sunboard.templates.ScreenProfile;

/**
 * Everything a kiosk needs to know about itself, read from a properties file (see
 * {@code device-config/kiosk/README.md} for each key).
 *
 * @param playerPort 0 picks any free port; {@link KioskClient#playerUrl()} tells which
 * @param screenshotCommand the command line that writes a PNG of the player page, with
 * {@code {url}}, {@code {file}}, {@code {width}} and {@code {height}} filled in; empty
 * for none
 * @param cacheMaxBytes disk budget of the content cache
 * @param journalCapacity events the journal holds before it folds played events
 * @param touchIdle on a touch kiosk, how long without a touch before the screen returns
 * to the playlist and forgets what the visitor did
 * @param publicUrlTemplate the address of a posting's public page with
 * {@code {postingId}} in it, which every page shows as a QR code; {@code null} for none
 * @param brokerCaFile PEM file of the CA the broker's TLS certificate must chain to (for
 * an {@code ssl://} broker URL); null to use the JVM's trust store
 * @param repliesInterval on a touch kiosk, how often the replies the school published are
 * fetched again (they are also fetched at start and whenever a manifest is applied)
 */
public record KioskConfig(String deviceId, String secret, URI brokerUrl, URI serverUrl, String topicRoot, Path dataDir,
		String playerBind, int playerPort, Duration heartbeatInterval, ScreenProfile profile, Locale locale,
		String screenshotCommand, long cacheMaxBytes, int journalCapacity, Duration touchIdle, String publicUrlTemplate,
		Path brokerCaFile, Duration repliesInterval) {

	public KioskConfig {
		Objects.requireNonNull(deviceId, "deviceId");
		Objects.requireNonNull(secret, "secret");
		Objects.requireNonNull(brokerUrl, "brokerUrl");
		Objects.requireNonNull(serverUrl, "serverUrl");
		Objects.requireNonNull(topicRoot, "topicRoot");
		Objects.requireNonNull(dataDir, "dataDir");
		Objects.requireNonNull(playerBind, "playerBind");
		Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
		Objects.requireNonNull(profile, "profile");
		Objects.requireNonNull(locale, "locale");
		Objects.requireNonNull(screenshotCommand, "screenshotCommand");
		Objects.requireNonNull(touchIdle, "touchIdle");
		Objects.requireNonNull(repliesInterval, "repliesInterval");
		if (publicUrlTemplate != null && !publicUrlTemplate.contains("{postingId}")) {
			throw new IllegalArgumentException("publicUrlTemplate must contain {postingId}");
		}
	}

	/** How the player renders postings: this screen's profile, language and QR target. */
	RenderContext renderContext() {
		return renderContext(this.locale);
	}

	/** The same in another language, for a visitor who switched it on a touch kiosk. */
	RenderContext renderContext(Locale language) {
		return new RenderContext(this.profile, language, this.publicUrlTemplate);
	}

	/**
	 * Reads and validates a properties file (UTF-8).
	 * @throws KioskConfigException naming the file or the key that is wrong
	 */
	public static KioskConfig load(Path propertiesFile) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new KioskConfigException("Cannot read kiosk configuration " + propertiesFile.toAbsolutePath() + ": "
					+ ex.getMessage() + "; pass the path of a readable UTF-8 properties file", ex);
		}
		return from(properties);
	}

	/**
	 * Validates every key.
	 * @throws KioskConfigException for the first key that is missing or malformed
	 */
	public static KioskConfig from(Properties properties) {
		return new ConfigReader(properties).read();
	}

	/** The secret stays out of logs and exception messages. */
	@Override
	public String toString() {
		return "KioskConfig[deviceId=" + this.deviceId + ", secret=****, brokerUrl=" + this.brokerUrl + ", serverUrl="
				+ this.serverUrl + ", topicRoot=" + this.topicRoot + ", dataDir=" + this.dataDir + ", playerBind="
				+ this.playerBind + ", playerPort=" + this.playerPort + ", heartbeatInterval=" + this.heartbeatInterval
				+ ", profile=" + this.profile + ", locale=" + this.locale.toLanguageTag() + ", screenshotCommand="
				+ this.screenshotCommand + ", cacheMaxBytes=" + this.cacheMaxBytes + ", journalCapacity="
				+ this.journalCapacity + ", touchIdle=" + this.touchIdle + ", publicUrlTemplate="
				+ this.publicUrlTemplate + ", brokerCaFile=" + this.brokerCaFile + ", repliesInterval="
				+ this.repliesInterval + "]";
	}

}
