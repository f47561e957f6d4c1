package io.sunboard.kiosk;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.imageio.ImageIO;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.templates.ScreenProfile;

/** Test data: postings, their bytes and manifests. */
final class Fixtures {

	static final JsonCodec CODEC = new JsonCodec();

	static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");

	private Fixtures() {
	}

	static PostingContent content(String postingId, String title) {
		return new PostingContent(PostingContent.SCHEMA, postingId, "general", title, "正文第一段\n\n正文第二段", T0,
				T0.plus(Duration.ofDays(10)), "第一实验小学", "Asia/Shanghai");
	}

	static PostingContent withAttachments(PostingContent content, Attachment... attachments) {
		return new PostingContent(content.schema(), content.postingId(), content.kind(), content.title(),
				content.body(), content.publicityStart(), content.publicityEnd(), content.schoolName(),
				content.timeZone(), content.fields(), content.tables(), List.of(attachments));
	}

	/** A real 120 x 80 PNG, so a browser can decode it. */
	static byte[] png() {
		BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0xb3261e));
		graphics.fillRect(0, 0, 120, 80);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A minimal one-page PDF. */
	static byte[] pdf() {
		String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
				+ "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
				+ "trailer<</Root 1 0 R>>\n%%EOF\n";
		return body.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] bytes(PostingContent content) {
		return CODEC.encode(content);
	}

	static String sha(PostingContent content) {
		return Sha256.of(bytes(content));
	}

	static ManifestItem item(String postingId, String sha256, int durationSeconds, int priority,
			TimeWindow... windows) {
		return new ManifestItem(postingId, postingId + " title", "general", sha256, durationSeconds, priority,
				List.of(windows));
	}

	static ManifestItem item(PostingContent content, int durationSeconds, TimeWindow... windows) {
		return new ManifestItem(content.postingId(), content.title(), content.kind(), sha(content), durationSeconds, 0,
				List.of(windows));
	}

	static TimeWindow window(Instant start, Instant end) {
		return new TimeWindow(start, end);
	}

	static TimeWindow always() {
		return new TimeWindow(T0.minus(Duration.ofDays(365)), T0.plus(Duration.ofDays(365)));
	}

	static Manifest manifest(String deviceId, long version, ManifestItem... items) {
		return new Manifest(Manifest.SCHEMA, deviceId, "school-1", null, version,
				Sha256.of(("v" + version).getBytes(StandardCharsets.UTF_8)), T0, List.of(items));
	}

	static Properties properties(Path dataDir) {
		Properties properties = new Properties();
		properties.setProperty("device.id", "lobby-01");
		properties.setProperty("device.secret", "s3cret");
		properties.setProperty("broker.url", "tcp://127.0.0.1:1883");
		properties.setProperty("server.url", "http://127.0.0.1:8080");
		properties.setProperty("data.dir", dataDir.toString());
		return properties;
	}

	static KioskConfig config(Path dataDir, String brokerUrl, String serverUrl) {
		Properties properties = properties(dataDir);
		properties.setProperty("broker.url", brokerUrl);
		properties.setProperty("server.url", serverUrl);
		properties.setProperty("player.port", "0");
		properties.setProperty("heartbeat.seconds", "1");
		return KioskConfig.from(properties);
	}

	static KioskConfig config(Path dataDir) {
		return new KioskConfig("lobby-01", "s3cret", java.net.URI.create("tcp://127.0.0.1:1"),
				java.net.URI.create("http://127.0.0.1:1"), "sunboard/v1", dataDir, "127.0.0.1", 0,
				Duration.ofSeconds(15), ScreenProfile.LANDSCAPE, Locale.SIMPLIFIED_CHINESE, "", 512L * 1024 * 1024,
				EventJournal.DEFAULT_CAPACITY, Duration.ofSeconds(60), null, null, Duration.ofMinutes(10));
	}

}
