package io.sunboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.sunboard.testsupport.sim.FleetStats;
import io.sunboard.testsupport.sim.Latencies;
import io.sunboard.testsupport.sim.ScreenFleet;
import io.sunboard.testsupport.sim.ScreenIdentity;

/**
 * Ingest of {@code played} events: N simulated screens send batches at a set total rate
 * for a fixed time, stepping the rate up. For each step: events offered, stored (counted
 * in the database), lost (sent but not stored), duplicated (stored rows over distinct
 * ids: the primary key makes it 0 by construction, the table says so anyway), how long
 * the server needed after the step to acknowledge the backlog, and the ack lag (batch
 * sent → server's ack, which it sends after committing). A rate is sustained when nothing
 * is lost and the backlog drains within 5 s of the step's end.
 * <p>
 * Run:
 * {@code ./mvnw -B -q -pl bench exec:java -Dexec.mainClass=io.sunboard.bench.IngestBench
 * -Dexec.args="1000 100 20 1000,2000,5000,10000,20000"} (screens, events a batch, seconds
 * a step, rates in events/s).
 */
public final class IngestBench {

	public static void main(String[] args) throws Exception {
		int screens = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int batch = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		List<Integer> rates = new ArrayList<>();
		for (String r : ((args.length > 3) ? args[3] : "1000,2000,5000,10000,20000,50000").split(",")) {
			rates.add(Integer.parseInt(r.trim()));
		}
		Report report = new Report("Ingest of played events (IngestBench)", "offered ev/s", "sent", "stored", "lost",
				"duplicates", "stored ev/s during step", "drain after step", "ack lag p50", "ack lag p99",
				"ack lag max", "resent batches", "sustained");
		report.note("The server runs as its own JVM (`-Xmx3g`, embedded HiveMQ CE, H2 file database); " + screens
				+ " simulated screens in the bench JVM each send `played` events in batches of " + batch
				+ " (QoS 1), round robin, for " + seconds
				+ " s a step, plus a heartbeat every 30 s; every screen plays one real posting scheduled to the region"
				+ " (the server refuses plays of unknown postings). Stored counts come "
				+ "from the database. Sustained = zero loss and the backlog acknowledged within 5 s after the step.");
		try (BenchServer server = BenchServer.start("3g")) {
			List<ScreenIdentity> identities = server.provision("ingest", Math.max(1, screens / 100),
					Math.min(100, screens));
			try (ScreenFleet fleet = ScreenFleet.connect(ScreenFleet.Settings.of(server.mqttPort(), server.httpBase()),
					identities, 200, Duration.ofMinutes(5))) {
				fleet.startHeartbeats(Duration.ofSeconds(30));
				// the server stores plays of known postings only: every screen first
				// plays a
				// real one, scheduled to the whole region
				String posting = server.approvedPosting(identities.get(0).schoolId(), "收费公示（压测）");
				long scheduled = System.nanoTime();
				server.scheduleRegion(posting, "ingest");
				Latencies applied = fleet.await(ScreenFleet.postingApplied(posting), scheduled, Duration.ofMinutes(5));
				if (applied.count() < identities.size()) {
					throw new IllegalStateException("only " + applied.count() + " of " + identities.size()
							+ " screens applied the posting to play; see " + server.directory() + "/server.log");
				}
				FleetStats stats = fleet.stats();
				long storedBefore = 0;
				for (int rate : rates) {
					long sentBefore = stats.playedSent();
					long resentBefore = stats.resentBatches();
					stats.ackLag().clear();
					fleet.startPlayed(rate, batch);
					long start = System.nanoTime();
					Awaitility.await()
						.pollDelay(Duration.ofSeconds(seconds))
						.atMost(Duration.ofSeconds(seconds + 1))
						.until(() -> true);
					fleet.stopPlayed();
					long storedAtEnd = server.count("select count(*) from device_event where type = 'PLAYED'");
					double stepSeconds = (System.nanoTime() - start) / 1e9;
					long drainStart = System.nanoTime();
					String drain;
					try {
						Awaitility.await()
							.atMost(Duration.ofMinutes(2))
							.pollInterval(Duration.ofMillis(50))
							.until(() -> fleet.pendingBatches() == 0);
						drain = Report.ms((System.nanoTime() - drainStart) / 1e6);
					}
					catch (ConditionTimeoutException ex) {
						drain = "over 2 min (" + fleet.pendingBatches() + " batches pending)";
					}
					double drainMs = (System.nanoTime() - drainStart) / 1e6;
					long sent = stats.playedSent() - sentBefore;
					long storedTotal = server.count("select count(*) from device_event where type = 'PLAYED'");
					long distinct = server.count(
							"select count(*) from (select distinct device_id, event_id from device_event where type = 'PLAYED') d");
					long stored = storedTotal - storedBefore;
					long lost = sent - stored;
					long duplicates = storedTotal - distinct;
					boolean sustained = lost == 0 && duplicates == 0 && drainMs < 5000;
					report.row(rate, sent, stored, lost, duplicates,
							String.format("%.0f", (storedAtEnd - storedBefore) / stepSeconds), drain,
							Report.ms(stats.ackLag().percentileMs(50)), Report.ms(stats.ackLag().percentileMs(99)),
							Report.ms(stats.ackLag().maxMs()), stats.resentBatches() - resentBefore,
							sustained ? "yes" : "**no**");
					storedBefore = storedTotal;
					if (!sustained && lost > 0 && drainMs > 60_000) {
						report.note("- Stopped after " + rate + " ev/s: the server could not keep up.");
						break;
					}
				}
			}
		}
		report.appendToBenchmarks();
		System.exit(0);
	}

}
