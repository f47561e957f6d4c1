import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;
import io.sunboard.protocol.TimeWindow;

/**
 * Measures the kiosk client's footprint, the way a screen runs it: the shaded jar in its
 * own JVM with the documented flags, started from a warm cache (a saved manifest with 20
 * postings) and connected to a local Mosquitto when one is installed.
 * <p>
 * Run by {@code bench/kiosk-footprint.sh} with the shaded jar on the class path (Java's
 * single-file source launcher). Prints one Markdown table row per figure.
 */
public class KioskFootprint {

	/**
	 * Arguments: the shaded jar, idle seconds, then the JVM flags of the run. A flag
	 * {@code -XX:SharedArchiveFile=<file>} naming a missing file makes a priming run
	 * first that writes the class-data archive there ({@code -XX:ArchiveClassesAtExit}).
	 */
	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]).toAbsolutePath();
		int idleSeconds = Integer.parseInt(args[1]);
		List<String> jvmFlags = List.of(args).subList(2, args.length);
		Path work = Files.createTempDirectory("kiosk-footprint");
		JsonCodec codec = new JsonCodec();
		writeCache(work.resolve("data"), codec);

		Process broker = null;
		int brokerPort = freePort();
		if (Files.isExecutable(Path.of("/usr/sbin/mosquitto"))) {
			Path conf = work.resolve("mosquitto.conf");
			Files.writeString(conf, "listener " + brokerPort + " 127.0.0.1\nallow_anonymous true\n");
			broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("mosquitto.log").toFile())
				.start();
			waitForPort(brokerPort);
		}
		int playerPort = freePort();
		Path properties = work.resolve("kiosk.properties");
		Files.writeString(properties,
				String.join("\n", "device.id=bench-lobby", "device.secret=bench-secret",
						"broker.url=tcp://127.0.0.1:" + brokerPort, "server.url=http://127.0.0.1:" + freePort(),
						"data.dir=" + work.resolve("data"), "player.port=" + playerPort, "screenshot.command=",
						"heartbeat.seconds=15", ""));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		for (String flag : jvmFlags) {
			String prefix = "-XX:SharedArchiveFile=";
			if (flag.startsWith(prefix) && !Files.exists(Path.of(flag.substring(prefix.length())))) {
				prime(java, jar, properties, playerPort, flag.substring(prefix.length()), work);
			}
		}
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(jvmFlags);
		command.addAll(List.of("-jar", jar.toString(), properties.toString()));

		long started = System.nanoTime();
		Process kiosk = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("kiosk.log").toFile())
			.start();
		try {
			double firstFrameMs = awaitFirstFrame(playerPort, started);
			// Let start-up settle (JIT, first heartbeat) before measuring the idle state.
			waitSeconds(10);
			long ticksBefore = cpuTicks(kiosk.pid());
			long wallBefore = System.nanoTime();
			waitSeconds(idleSeconds);
			long ticks = cpuTicks(kiosk.pid()) - ticksBefore;
			double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
			double cpuPercent = 100.0 * (ticks / 100.0) / wallSeconds;
			long rssKb = statusKb(kiosk.pid(), "VmRSS");
			long hwmKb = statusKb(kiosk.pid(), "VmHWM");
			System.out.printf(Locale.ROOT, "| start-up to first frame from cache | %.0f ms | under 2000 ms |%n",
					firstFrameMs);
			System.out.printf(Locale.ROOT, "| resident memory (VmRSS) after %d s idle | %.1f MB | under 128 MB |%n",
					idleSeconds + 10, rssKb / 1024.0);
			System.out.printf(Locale.ROOT, "| peak resident memory (VmHWM) | %.1f MB | under 128 MB |%n",
					hwmKb / 1024.0);
			System.out.printf(Locale.ROOT, "| idle CPU over %d s | %.2f %% of one core | under 2 %% |%n", idleSeconds,
					cpuPercent);
			System.out.printf(Locale.ROOT, "| broker during the run | %s | |%n",
					(broker != null) ? "local Mosquitto, connected" : "none (client retrying)");
		}
		finally {
			kiosk.destroy();
			kiosk.waitFor();
			if (broker != null) {
				broker.destroy();
				broker.waitFor();
			}
		}
	}

	/** Runs the client once to its first frame and writes the class-data archive. */
	static void prime(String java, Path jar, Path properties, int playerPort, String archive, Path work)
			throws Exception {
		Process priming = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + archive, "-Xmx96m",
				"-XX:+UseSerialGC", "-jar", jar.toString(), properties.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("priming.log").toFile())
			.start();
		awaitFirstFrame(playerPort, System.nanoTime());
		waitSeconds(3);
		priming.destroy();
		priming.waitFor();
	}

	/** A saved manifest and its verified content, as a screen holds them after a run. */
	static void writeCache(Path data, JsonCodec codec) throws IOException {
		Path content = Files.createDirectories(data.resolve("content"));
		Instant now = Instant.now();
		List<ManifestItem> items = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			PostingContent posting = new PostingContent(PostingContent.SCHEMA, "p-bench-" + i, "general",
					"2026年秋季学期收费公示（" + i + "）", "作业本费：每生每学期 18 元。\n".repeat(40), now.minusSeconds(3600),
					now.plus(Duration.ofDays(30)), "丰泽区实验小学", "Asia/Shanghai");
			byte[] bytes = codec.encode(posting);
			String sha = Sha256.of(bytes);
			Files.write(content.resolve(sha), bytes);
			items.add(new ManifestItem("p-bench-" + i, posting.title(), "general", sha, 10, 0,
					List.of(new TimeWindow(now.minusSeconds(3600), now.plus(Duration.ofDays(30))))));
		}
		String hash = Sha256.of("bench".getBytes(StandardCharsets.UTF_8));
		Manifest manifest = new Manifest(Manifest.SCHEMA, "bench-lobby", "shiyan", "丰泽区实验小学", 1, hash, now, items);
		Files.write(data.resolve("manifest.json"), codec.encode(manifest));
	}

	/** Milliseconds from process start until the player page serves the cached posting. */
	static double awaitFirstFrame(int port, long started) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/now")).build();
		long deadline = started + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> now = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (now.statusCode() == 200 && now.body().contains("\"key\":\"posting:")) {
					return (System.nanoTime() - started) / 1e6;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("no first frame within 30 s");
	}

	static long cpuTicks(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// utime and stime are fields 14 and 15 of /proc/<pid>/stat; index 11 and 12 after
		// the command name.
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	static long statusKb(long pid, String key) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith(key + ":")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		throw new IllegalStateException(key + " missing from /proc/" + pid + "/status");
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void waitForPort(int port) throws Exception {
		for (int i = 0; i < 200; i++) {
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("Mosquitto did not listen on " + port);
	}

	static void waitSeconds(int seconds) throws InterruptedException {
		Thread.sleep(seconds * 1000L);
	}

}
