package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.server.FaultFixture.JournalWatch;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;
import io.sunboard.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kiosk under faults, on real parts: real Mosquitto, the real server, the kiosk
 * client (as its own OS process where it is killed). Each test starts with a journal
 * backlog (the events of a long offline stretch) while a one-second posting keeps adding
 * played events, injects one fault while events flow, and ends with the server holding
 * every event the kiosk ever journaled, each exactly once.
 */
@ExtendWith(MosquittoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class KioskFaultsIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private static final int BACKLOG = 3000;

	private static final Duration ALL_DELIVERED = Duration.ofSeconds(120);

	private final MosquittoBroker broker;

	KioskFaultsIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@BeforeAll
	void setUp() {
		this.broker.addServerAccount("sunboard/v1", SERVER_USER, SERVER_PASSWORD);
	}

	@Test
	void killedMidBatchTheRestartedClientDeliversEveryEventExactlyOnce(@TempDir Path dir) {
		try (RunningServer server = startServer(dir.resolve("server"))) {
			// Large enough that the delivery takes a while: the kill must fall inside it.
			Arranged a = arrange(server, "fault-kill", dir.resolve("kiosk"), 4 * BACKLOG);
			Properties properties = FaultFixture.kioskProperties("fault-kill", a.secret(), this.broker.url(),
					server.url(), a.data());
			try (JournalWatch watch = new JournalWatch(a.journal());
					KioskProcess kiosk = KioskProcess.of(properties, dir.resolve("process")).start()) {
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(10))
					.failFast(() -> !kiosk.isAlive())
					.until(() -> FaultFixture.storedCount(server, "fault-kill") > 0);
				kiosk.kill();
				long storedAtKill = FaultFixture.storedCount(server, "fault-kill");
				// The kill really fell in the middle of the delivery.
				assertThat(storedAtKill).as("events stored when the client was killed").isLessThan(a.backlog().size());
				Set<String> journaledAtKill = new HashSet<>(FaultFixture.ids(a.journal()));
				assertThat(journaledAtKill).isNotEmpty();

				kiosk.start();
				assertEveryJournaledEventStoredOnce(server, "fault-kill", a.postingId(), watch, a.backlog());
				assertThat(FaultFixture.storedIds(server, "fault-kill")).containsAll(journaledAtKill);
				assertThat(kiosk.isAlive()).as(kiosk.log()).isTrue();
			}
		}
	}

	@Test
	void brokerRestartedWhileEventsFlowLosesAndDuplicatesNothing(@TempDir Path dir) {
		try (RunningServer server = startServer(dir.resolve("server"))) {
			Arranged a = arrange(server, "fault-broker", dir.resolve("kiosk"), BACKLOG);
			try (JournalWatch watch = new JournalWatch(a.journal());
					KioskClient kiosk = KioskClient
						.start(config("fault-broker", a.secret(), this.broker.url(), server, a.data()))) {
				awaitPlayingAndDelivering(server, kiosk, "fault-broker");
				this.broker.kill();
				try {
					// New events are journaled while the broker is away. (The journal's
					// depth
					// is no measure: acks already queued in the client still shrink it.)
					int seenWhileDown = watch.seen().size();
					await().atMost(Duration.ofSeconds(30)).until(() -> watch.seen().size() >= seenWhileDown + 3);
				}
				finally {
					this.broker.start();
				}
				assertEveryJournaledEventStoredOnce(server, "fault-broker", a.postingId(), watch, a.backlog());
			}
		}
	}

	@Test
	void serverStoppedForAWhileReceivesEverythingOnceAfterItReturns(@TempDir Path dir) {
		RunningServer server = startServer(dir.resolve("server"));
		try {
			Arranged a = arrange(server, "fault-server", dir.resolve("kiosk"), BACKLOG);
			try (JournalWatch watch = new JournalWatch(a.journal());
					KioskClient kiosk = KioskClient
						.start(config("fault-server", a.secret(), this.broker.url(), server, a.data()))) {
				awaitPlayingAndDelivering(server, kiosk, "fault-server");
				server.stop();
				// While the server is away the broker still takes the batches but nobody
				// acknowledges them; the kiosk keeps journaling new plays meanwhile.
				int seenWhileDown = watch.seen().size();
				await().atMost(Duration.ofSeconds(30)).until(() -> watch.seen().size() >= seenWhileDown + 5);
				assertThat(kiosk.isConnected()).isTrue();
				server.start();
				assertEveryJournaledEventStoredOnce(server, "fault-server", a.postingId(), watch, a.backlog());
			}
		}
		finally {
			server.stop();
		}
	}

	@Test
	void networkCutBetweenClientAndBrokerAndRestoredLosesAndDuplicatesNothing(@TempDir Path dir) {
		try (RunningServer server = startServer(dir.resolve("server"));
				TcpProxy proxy = TcpProxy.start("127.0.0.1", this.broker.port())) {
			Arranged a = arrange(server, "fault-net", dir.resolve("kiosk"), BACKLOG);
			String viaProxy = "tcp://127.0.0.1:" + proxy.port();
			try (JournalWatch watch = new JournalWatch(a.journal());
					KioskClient kiosk = KioskClient
						.start(config("fault-net", a.secret(), viaProxy, server, a.data()))) {
				awaitPlayingAndDelivering(server, kiosk, "fault-net");
				proxy.cut();
				await().atMost(Duration.ofSeconds(60)).until(() -> !kiosk.isConnected());
				int seenWhileCut = watch.seen().size();
				await().atMost(Duration.ofSeconds(30)).until(() -> watch.seen().size() >= seenWhileCut + 3);
				proxy.restore();
				await().atMost(Duration.ofSeconds(90)).until(kiosk::isConnected);
				assertEveryJournaledEventStoredOnce(server, "fault-net", a.postingId(), watch, a.backlog());
			}
		}
	}

	/**
	 * What each test starts from: a screen, a posting shown every second (so live plays
	 * keep coming) and a journal backlog of {@code backlogSize} events in {@code data}.
	 */
	private static Arranged arrange(RunningServer server, String deviceId, Path data, int backlogSize) {
		String secret = FaultFixture.seedScreen(server, deviceId);
		String postingId = FaultFixture.scheduleOneSecondPosting(server);
		Set<String> backlog = FaultFixture.seedBacklog(data.resolve("journal"), postingId, backlogSize);
		return new Arranged(secret, postingId, data, backlog);
	}

	private record Arranged(String secret, String postingId, Path data, Set<String> backlog) {

		Path journal() {
			return this.data.resolve("journal");
		}

	}

	/** The kiosk is playing (so live events keep coming) and delivering. */
	private static void awaitPlayingAndDelivering(RunningServer server, KioskClient kiosk, String deviceId) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> kiosk.appliedManifestVersion() >= 1 && FaultFixture.storedCount(server, deviceId) > 0);
	}

	/**
	 * Every id the journal was seen to hold reaches the server, the whole backlog among
	 * them, live plays too, no row twice, and the proof-of-play report counts each stored
	 * showing once. (The (device, event id) key already forbids a second row; the check
	 * guards against that key being dropped.)
	 */
	private static void assertEveryJournaledEventStoredOnce(RunningServer server, String deviceId, String postingId,
			JournalWatch watch, Set<String> backlog) {
		await().atMost(ALL_DELIVERED)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(FaultFixture.storedIds(server, deviceId)).containsAll(watch.seen()));
		Set<String> stored = FaultFixture.storedIds(server, deviceId);
		assertThat(stored).containsAll(backlog);
		assertThat(FaultFixture.duplicateRows(server, deviceId)).as("rows stored twice").isZero();
		long live = stored.stream().filter((id) -> !backlog.contains(id)).count();
		assertThat(live).as("live plays stored besides the backlog").isPositive();
		// Plays keep coming while this runs, so the report's count is bracketed.
		long before = FaultFixture.storedPlays(server, deviceId, postingId);
		long reported = server.get("/api/v1/postings/" + postingId + "/proof-of-play").json().get("plays").asLong();
		long after = FaultFixture.storedPlays(server, deviceId, postingId);
		assertThat(reported).as("proof of play counts each stored showing once").isBetween(before, after);
	}

	private KioskConfig config(String deviceId, String secret, String brokerUrl, RunningServer server, Path data) {
		return FaultFixture.kioskConfig(deviceId, secret, brokerUrl, server.url(), data);
	}

	private RunningServer startServer(Path dataDir) {
		return RunningServer.external(dataDir, this.broker, SERVER_USER, SERVER_PASSWORD).start();
	}

}
