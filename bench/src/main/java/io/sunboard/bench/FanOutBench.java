package io.sunboard.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import io.sunboard.protocol.Alert;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.sim.Latencies;
import io.sunboard.testsupport.sim.ScreenFleet;
import io.sunboard.testsupport.sim.ScreenIdentity;
import io.sunboard.testsupport.sim.SimulatedScreen;

/**
 * Fan-out and emergency alert, end to end: the real server (its own process, embedded
 * broker, H2) and N simulated screens in this JVM. For each fleet size it measures, per
 * screen, the time from the API call until the screen has applied the change (manifest
 * received, new content downloaded by hash and checked, {@code applied} reported), next
 * to two raw broker baselines with no server in the path: one retained manifest published
 * to each screen's own topic, and one retained message on the region's topic that every
 * screen follows.
 * <p>
 * Run (from the project root, after {@code ./mvnw -B -q install -DskipTests}):
 * {@code ./mvnw -B -q -pl bench exec:java -Dexec.mainClass=io.sunboard.bench.FanOutBench -Dexec.args="1000 10000"}
 */
public final class FanOutBench {

	private static final int SCREENS_PER_SCHOOL = 100;

	private static final int RUNS = 3;

	/** Untimed fan-outs before the timed ones, the cold first one included. */
	private static final int WARM_UPS = 3;

	private static final Duration WAIT = Duration.ofMinutes(3);

	private final JsonCodec codec = new JsonCodec();

	private final Topics topics = Topics.defaults();

	/**
	 * {@code -Dfanoutbench.broker=mosquitto}: the server on Debian's Mosquitto
	 * ({@link BenchMosquitto}) instead of its embedded HiveMQ CE.
	 */
	private static final boolean MOSQUITTO = "mosquitto".equals(System.getProperty("fanoutbench.broker", "embedded"));

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = new ArrayList<>();
		for (String arg : (args.length > 0) ? args : new String[] { "1000", "10000" }) {
			sizes.add(Integer.parseInt(arg));
		}
		for (int size : sizes) {
			// one table per fleet size, appended as soon as it is measured
			Report report = new Report(
					"Fan-out and emergency alert (FanOutBench), " + size + " screens"
							+ (MOSQUITTO ? ", the server on Mosquitto" : ""),
					"screens", "what", "screens reached", "p50", "p99", "max");
			describe(report);
			try {
				new FanOutBench().run(size, report);
			}
			catch (RuntimeException ex) {
				report.note("- Stopped: " + ex);
			}
			report.appendToBenchmarks();
		}
		System.exit(0);
	}

	private static void describe(Report report) {
		report.note("The server runs as its own JVM (`java -Xmx3g -jar sunboard-server-exec.jar`, embedded HiveMQ CE "
				+ "broker, H2 file database); the simulated screens (HiveMQ MQTT client, one shared event loop) run in "
				+ "the bench JVM; loopback only. Times are per screen, from just before the API call (HTTP Basic, so "
				+ "each includes a BCrypt check), the console form's post (an administrator signed in before) or the "
				+ "raw publish, until the screen applied it: manifest received, "
				+ "the new content document downloaded over HTTP by hash with the screen's token and verified, `applied` "
				+ "event sent. Raw baselines publish from one MQTT client with no server in the path. "
				+ "Each fleet: 100 screens a school, one region. Since 2026-12-04 each timed run starts once the server "
				+ "has acknowledged every event batch sent before it and, for alerts, once the previous clearing "
				+ "message reached every screen (before, a run overlapped the tail of the last one; the row \"raised "
				+ "during a region fan-out\" keeps that case), and the screens download over persistent HTTP/1.1 "
				+ "connections of their own (`KeepAliveHttp`) instead of `java.net.http.HttpClient`, which took a "
				+ "quarter of the bench JVM's CPU on the same two cores. Since 2026-12-04T11:00Z the server "
				+ "warms up on " + WARM_UPS + " region fan-outs (shown as rows) before the timed ones, not one. "
				+ "Since 2026-12-04T18:00Z a line under the table gives, for each timed fan-out, the CPU time of the "
				+ "server and of the bench JVM (the simulated screens) by part, from each thread's /proc stat (since "
				+ "2026-12-05 also the part of it spent until the last screen applied, the window the p99 measures); on "
				+ "loopback the kernel time of a socket write includes delivering it to the receiving socket.");
	}

	private void run(int size, Report report) throws Exception {
		String region = "bench" + size;
		int schools = Math.max(1, size / SCREENS_PER_SCHOOL);
		if (MOSQUITTO) {
			report.note("This table: the server on Debian's Mosquitto (" + BenchMosquitto.version()
					+ ") as its external "
					+ "broker, a process of its own, with device-config/mosquitto's limits (1,000 QoS 1 messages in flight, "
					+ "queues of 100,000), accounts and each screen's grants in a password file and an ACL file instead of the "
					+ "dynamic-security plugin, no persistence; the CPU lines add Mosquitto's.");
		}
		try (BenchServer server = BenchServer.start("3g", MOSQUITTO)) {
			List<ScreenIdentity> identities = server.provision(region, schools, SCREENS_PER_SCHOOL);
			long connectStart = System.nanoTime();
			ScreenFleet fleet;
			try {
				fleet = ScreenFleet.connect(ScreenFleet.Settings.of(server.mqttPort(), server.httpBase()), identities,
						200, Duration.ofMinutes(10));
			}
			catch (IllegalStateException ex) {
				report.row(size, "connect", "failed: " + ex.getMessage().replace('|', '/'), "", "", "");
				return;
			}
			try (fleet) {
				report.row(size, "connect all screens (" + 200 + " handshakes in flight)",
						fleet.screens().size() + " / " + size, "", "",
						Report.ms((System.nanoTime() - connectStart) / 1e6));
				fleet.startHeartbeats(Duration.ofSeconds(30));
				String schoolId = identities.get(0).schoolId();

				String warm = server.approvedPosting(schoolId, "预热公告");
				long t0 = System.nanoTime();
				server.scheduleRegion(warm, region);
				row(report, size, "server fan-out, first (cold JVM, empty caches)", fleet,
						ScreenFleet.postingApplied(warm), t0);
				// after one warm-up the JIT was still compiling through the timed runs
				// (C2 took a fifth of the server's CPU in them, 2026-12-04); a server
				// that has run for a while is past that, and these rows show the way
				for (int w = 2; w <= WARM_UPS; w++) {
					String again = server.approvedPosting(schoolId, "预热公告 " + w);
					settle(fleet, report, size);
					t0 = System.nanoTime();
					server.scheduleRegion(again, region);
					row(report, size, "server fan-out, warm-up " + w + " of " + WARM_UPS, fleet,
							ScreenFleet.postingApplied(again), t0);
				}

				// every timed run below starts on a settled server (settle): what the
				// screens sent before is stored, so a run does not also measure the last
				for (int run = 1; run <= RUNS; run++) {
					settle(fleet, report, size);
					rawManifests(server, fleet, size, report, run);
				}
				for (int run = 1; run <= RUNS; run++) {
					settle(fleet, report, size);
					rawRegionMessage(server, fleet, region, size, report, run);
				}
				for (int run = 1; run <= RUNS; run++) {
					String posting = server.approvedPosting(schoolId, "收费公示 " + run);
					settle(fleet, report, size);
					Duration cpu = server.cpuTime();
					ThreadCpu serverParts = ThreadCpu.of(server.pid());
					ThreadCpu benchParts = ThreadCpu.of(ProcessHandle.current().pid());
					Duration brokerCpu = server.brokerCpuTime();
					t0 = System.nanoTime();
					server.scheduleRegion(posting, region);
					long api = System.nanoTime() - t0;
					ToLongFunction<SimulatedScreen> done = ScreenFleet.postingApplied(posting);
					Latencies applied = fleet.await(done, t0, WAIT);
					// the critical window: what ran until the last screen applied it
					ThreadCpu serverUntilApplied = ThreadCpu.of(server.pid());
					ThreadCpu benchUntilApplied = ThreadCpu.of(ProcessHandle.current().pid());
					// where the time went: the manifest's arrival, before the download
					Latencies received = fleet.await((s) -> {
						Long at = s.manifestReceivedAt(s.appliedManifest().generatedAt());
						return (at != null) ? at : 0;
					}, t0, Duration.ofSeconds(5));
					// until every applied event is stored: the whole of the server's work
					settle(fleet, report, size);
					cpu = server.cpuTime().minus(cpu);
					row(report, size,
							"**server fan-out**, run " + run + ": schedule API call → applied (API answered in "
									+ Report.ms(api / 1e6) + "; server CPU " + Report.ms(cpu.toNanos() / 1e6) + ")",
							applied);
					noteMissing(report, size, "server fan-out, run " + run, fleet, done, applied);
					row(report, size, "of which: schedule API call → manifest received", received);
					report
						.note("- server fan-out, run " + run + ", CPU from the API call until every applied event "
								+ "was stored: server " + ThreadCpu.of(server.pid()).since(serverParts)
								+ "; simulated screens (the bench JVM) "
								+ ThreadCpu.of(ProcessHandle.current().pid()).since(benchParts)
								+ "; of it until the last screen applied (about " + Report.ms(applied.maxMs())
								+ " after the call, read within 50 ms of it): server "
								+ serverUntilApplied.since(serverParts) + "; simulated screens "
								+ benchUntilApplied.since(benchParts)
								+ (server.externalBroker()
										? "; Mosquitto "
												+ Report.ms(server.brokerCpuTime().minus(brokerCpu).toNanos() / 1e6)
										: ""));
				}
				// as the person raising it does: already signed in, on the console's page
				ConsoleSignIn console = ConsoleSignIn.as(server.httpBase(), "admin", BenchServer.ADMIN_PASSWORD);
				for (int run = 1; run <= RUNS; run++) {
					settle(fleet, report, size);
					String token = console.token("/console/alerts");
					long before = System.nanoTime();
					console.post("/console/alerts", Map.of("target", "region:" + region, "text", "因暴雨红色预警，今日停课 " + run),
							token);
					long form = System.nanoTime() - before;
					row(report, size,
							"**emergency alert**, run " + run + ": console form posted → received (form answered in "
									+ Report.ms(form / 1e6) + ")",
							fleet.await((s) -> (s.lastAlertAt() > before) ? s.lastAlertAt() : 0, before, WAIT));
					long cleared = System.nanoTime();
					server.clearRegionAlert(region);
					awaitCleared(fleet, cleared);
				}
				for (int run = 1; run <= RUNS; run++) {
					settle(fleet, report, size);
					long before = System.nanoTime();
					server.alertRegion(region, "因暴雨红色预警，今日停课 API " + run);
					long api = System.nanoTime() - before;
					row(report, size,
							"emergency alert, run " + run
									+ ": API call with HTTP Basic (BCrypt) → received (API answered in "
									+ Report.ms(api / 1e6) + ")",
							fleet.await((s) -> (s.lastAlertAt() > before) ? s.lastAlertAt() : 0, before, WAIT));
					long cleared = System.nanoTime();
					server.clearRegionAlert(region);
					awaitCleared(fleet, cleared);
				}
				alertDuringFanOut(server, fleet, console, region, schoolId, size, report);
				report.note("- " + size + " screens: " + fleet.stats().fetchedDocuments() + " content downloads, "
						+ fleet.stats().failedFetches() + " failed, " + fleet.stats().carriedDocuments()
						+ " documents carried in manifests; server log " + server.directory() + "/server.log");
			}
		}
	}

	/**
	 * The unsettled case: an alert raised from the console while a region-wide fan-out is
	 * under way, the moment the schedule API call has answered.
	 */
	private void alertDuringFanOut(BenchServer server, ScreenFleet fleet, ConsoleSignIn console, String region,
			String schoolId, int size, Report report) {
		String posting = server.approvedPosting(schoolId, "招生公告 并发");
		settle(fleet, report, size);
		String token = console.token("/console/alerts");
		long t0 = System.nanoTime();
		server.scheduleRegion(posting, region);
		long before = System.nanoTime();
		console.post("/console/alerts", Map.of("target", "region:" + region, "text", "因暴雨红色预警，今日停课 并发"), token);
		row(report, size,
				"emergency alert raised during a region fan-out (console form posted as the schedule API call answered, "
						+ Report.ms((before - t0) / 1e6) + " after it) → received",
				fleet.await((s) -> (s.lastAlertAt() > before) ? s.lastAlertAt() : 0, before, WAIT));
		row(report, size, "that fan-out: schedule API call → applied",
				fleet.await(ScreenFleet.postingApplied(posting), t0, WAIT));
		long cleared = System.nanoTime();
		server.clearRegionAlert(region);
		awaitCleared(fleet, cleared);
	}

	/**
	 * Waits until the server has acknowledged every event batch the screens sent (the
	 * applied events of the last run, heartbeats aside), so each run is timed from a
	 * settled start.
	 */
	private static void settle(ScreenFleet fleet, Report report, int size) {
		if (!fleet.awaitAllAcknowledged(WAIT)) {
			report.note("- " + size + " screens: " + fleet.pendingBatches()
					+ " event batches still unacknowledged after " + WAIT + "; the next run began anyway: "
					+ describe(fleet.screens().stream().filter((s) -> s.pendingBatches() > 0).toList()));
		}
	}

	/** One retained manifest to each screen's own topic, as the server publishes them. */
	private void rawManifests(BenchServer server, ScreenFleet fleet, int size, Report report, int run) {
		Mqtt5AsyncClient client = serverClient(server);
		try {
			Instant marker = Instant.now();
			List<byte[]> payloads = new ArrayList<>();
			for (SimulatedScreen screen : fleet.screens()) {
				Manifest m = screen.appliedManifest();
				payloads.add(this.codec.encode(new Manifest(m.schema(), m.deviceId(), m.schoolId(), m.schoolName(),
						m.version(), m.contentHash(), marker, m.items(), m.regionId())));
			}
			Duration cpu = server.brokerCpuTime();
			long t0 = System.nanoTime();
			List<CompletableFuture<?>> sent = new ArrayList<>();
			for (int i = 0; i < payloads.size(); i++) {
				sent.add(client.publishWith()
					.topic(this.topics.manifest(fleet.screens().get(i).deviceId()))
					.payload(payloads.get(i))
					.qos(MqttQos.AT_LEAST_ONCE)
					.retain(true)
					.send());
			}
			Latencies received = fleet.await((s) -> {
				Long at = s.manifestReceivedAt(marker);
				return (at != null) ? at : 0;
			}, t0, WAIT);
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
			// the broker's share of a fan-out (the embedded one runs in the server's
			// process)
			cpu = server.brokerCpuTime().minus(cpu);
			row(report, size,
					"raw baseline, run " + run + ": " + size + " retained manifests, one per screen topic ("
							+ (server.externalBroker() ? "Mosquitto's CPU " : "server process CPU, i.e. the broker's, ")
							+ Report.ms(cpu.toNanos() / 1e6) + ")",
					received);
		}
		finally {
			client.disconnect().join();
		}
	}

	/** One retained message on the region's alert topic, which every screen follows. */
	private void rawRegionMessage(BenchServer server, ScreenFleet fleet, String region, int size, Report report,
			int run) {
		Mqtt5AsyncClient client = serverClient(server);
		try {
			String id = "raw-" + run + "-" + System.nanoTime();
			byte[] payload = this.codec.encode(new Alert(id, "raw baseline", Instant.now()));
			long t0 = System.nanoTime();
			client.publishWith()
				.topic(this.topics.regionAlert(region))
				.payload(payload)
				.qos(MqttQos.AT_LEAST_ONCE)
				.retain(true)
				.send()
				.join();
			row(report, size, "raw baseline, run " + run + ": one retained message on the region topic",
					fleet.await(ScreenFleet.alertReceived(id), t0, WAIT));
			long cleared = System.nanoTime();
			client.publishWith()
				.topic(this.topics.regionAlert(region))
				.payload(new byte[0])
				.qos(MqttQos.AT_LEAST_ONCE)
				.retain(true)
				.send()
				.join();
			awaitCleared(fleet, cleared);
		}
		finally {
			client.disconnect().join();
		}
	}

	/**
	 * The next alert run starts once the clearing message (retained and empty, to every
	 * screen as well) has arrived everywhere: otherwise the broker is still delivering it
	 * when the next alert goes out, and the run measures both.
	 */
	private static void awaitCleared(ScreenFleet fleet, long since) {
		Latencies cleared = fleet.await((s) -> (s.lastAlertClearedAt() > since) ? s.lastAlertClearedAt() : 0, since,
				WAIT);
		if (cleared.count() < fleet.screens().size()) {
			throw new IllegalStateException("the alert was cleared on only " + cleared.count() + " of "
					+ fleet.screens().size() + " screens within " + WAIT);
		}
	}

	private Mqtt5AsyncClient serverClient(BenchServer server) {
		Mqtt5AsyncClient client = Mqtt5Client.builder()
			.identifier("bench-raw-" + System.nanoTime())
			.serverHost("127.0.0.1")
			.serverPort(server.mqttPort())
			.simpleAuth()
			.username(BenchServer.SERVER_ACCOUNT)
			.password(server.serverPassword().getBytes(StandardCharsets.UTF_8))
			.applySimpleAuth()
			.buildAsync();
		client.connect().orTimeout(30, TimeUnit.SECONDS).join();
		return client;
	}

	private static void row(Report report, int size, String what, Latencies latencies) {
		String[] spread = Report.spread(latencies);
		report.row(size, what, latencies.count() + " / " + size, spread[0], spread[1], spread[2]);
	}

	/** A fan-out's row, naming the screens it did not reach, if any. */
	private static void row(Report report, int size, String what, ScreenFleet fleet,
			ToLongFunction<SimulatedScreen> when, long t0) {
		Latencies latencies = fleet.await(when, t0, WAIT);
		row(report, size, what, latencies);
		noteMissing(report, size, what, fleet, when, latencies);
	}

	private static void noteMissing(Report report, int size, String what, ScreenFleet fleet,
			ToLongFunction<SimulatedScreen> when, Latencies latencies) {
		if (latencies.count() < size) {
			report.note("- " + what + ", not reached: "
					+ describe(fleet.screens().stream().filter((s) -> when.applyAsLong(s) == 0).toList()) + "; "
					+ fleet.stats().failedFetches() + " downloads failed so far");
		}
	}

	private static String describe(List<SimulatedScreen> screens) {
		return screens.stream().limit(3).map(SimulatedScreen::describe).collect(Collectors.joining("; "))
				+ ((screens.size() > 3) ? " and " + (screens.size() - 3) + " more" : "");
	}

}
