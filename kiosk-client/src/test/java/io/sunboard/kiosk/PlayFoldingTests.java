package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;

import static org.assertj.core.api.Assertions.assertThat;

class PlayFoldingTests {

	@TempDir
	Path dir;

	private static DeviceEvent played(String postingId, int second) {
		return DeviceEvent.played(EventIds.next(), Fixtures.T0.plusSeconds(second), postingId, 10_000);
	}

	private List<DeviceEvent> all(EventJournal journal) {
		return journal.peek(Integer.MAX_VALUE, (sequence) -> false).stream().map(EventJournal.Entry::event).toList();
	}

	@Test
	void fullJournalFoldsTheOldestPlaysIntoPerPostingSummariesAndKeepsTheTotals() {
		EventJournal journal = new EventJournal(this.dir, 20, 2, Fixtures.CODEC);
		journal.record(played("p-head", 0));
		journal.record(played("p-head", 1));
		journal.record(DeviceEvent.applied(EventIds.next(), Fixtures.T0, 7));
		for (int i = 0; i < 17; i++) {
			journal.record(played((i % 2 == 0) ? "p-a" : "p-b", 10 + i));
		}
		assertThat(journal.depth()).isEqualTo(20);

		assertThat(journal.record(played("p-c", 100))).isTrue();

		List<DeviceEvent> events = all(journal);
		assertThat(journal.depth()).isLessThan(20);
		assertThat(journal.refusedCount()).isZero();
		// The send window at the head is untouched, the applied event too.
		assertThat(events.get(0).postingId()).isEqualTo("p-head");
		assertThat(events.get(1).postingId()).isEqualTo("p-head");
		assertThat(events).filteredOn((e) -> e.type() == EventType.APPLIED).hasSize(1);
		// Every showing is still counted, with its duration.
		assertThat(showings(events, "p-a")).isEqualTo(9);
		assertThat(showings(events, "p-b")).isEqualTo(8);
		assertThat(totalMs(events, "p-a")).isEqualTo(90_000);
		DeviceEvent summary = events.stream()
			.filter((e) -> e.type() == EventType.PLAYED_SUMMARY && e.postingId().equals("p-a"))
			.findFirst()
			.orElseThrow();
		assertThat(summary.at()).isEqualTo(Fixtures.T0.plusSeconds(10));
		assertThat(summary.lastAt()).isAfter(summary.at());
		assertThat(journal.foldedCount()).isPositive();
	}

	@Test
	void foldingAgainMergesEarlierSummariesSoAJournalOfflineForMonthsStaysBounded() {
		EventJournal journal = new EventJournal(this.dir, 10, 0, Fixtures.CODEC);
		for (int i = 0; i < 500; i++) {
			assertThat(journal.record(played("p-a", i))).isTrue();
		}
		List<DeviceEvent> events = all(journal);
		assertThat(journal.depth()).isLessThanOrEqualTo(10);
		assertThat(showings(events, "p-a")).isEqualTo(500);
		assertThat(totalMs(events, "p-a")).isEqualTo(500 * 10_000L);
	}

	@Test
	void aFoldCommittedBeforeACrashIsFinishedOnTheNextStartAndOneNeverCommittedIsDiscarded() throws IOException {
		EventJournal journal = new EventJournal(this.dir, 1000, 0, Fixtures.CODEC);
		for (int i = 0; i < 4; i++) {
			journal.record(played("p-a", i));
		}
		List<EventJournal.Entry> entries = journal.peek(10, (sequence) -> false);
		List<Long> sequences = new ArrayList<>(entries.stream().map(EventJournal.Entry::sequence).toList());
		List<DeviceEvent> summaries = PlayFolding.summarise(entries.stream().map(EventJournal.Entry::event).toList());
		PlayFolding folding = new PlayFolding(this.dir, Fixtures.CODEC);
		long[] next = { 100 };
		// The process dies right after the commit point, before the files move.
		folding.prepare(sequences, summaries, () -> next[0]++);

		List<DeviceEvent> afterRestart = all(new EventJournal(this.dir, 1000, 0, Fixtures.CODEC));
		assertThat(afterRestart).singleElement().satisfies((e) -> {
			assertThat(e.type()).isEqualTo(EventType.PLAYED_SUMMARY);
			assertThat(e.count()).isEqualTo(4);
		});

		// Summaries staged but no intent: the fold never happened.
		Path fold = this.dir.resolve("fold");
		Files.createDirectories(fold);
		Files.write(fold.resolve(EventJournal.fileName(500)), Fixtures.CODEC.encode(
				DeviceEvent.playedSummary(EventIds.next(), Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "p-z", 99, 1)));
		List<DeviceEvent> again = all(new EventJournal(this.dir, 1000, 0, Fixtures.CODEC));
		assertThat(again).singleElement().satisfies((e) -> assertThat(e.postingId()).isEqualTo("p-a"));
		assertThat(fold).isEmptyDirectory();
	}

	private static long showings(List<DeviceEvent> events, String postingId) {
		return events.stream()
			.filter((e) -> postingId.equals(e.postingId()))
			.mapToLong((e) -> (e.type() == EventType.PLAYED_SUMMARY) ? e.count() : 1)
			.sum();
	}

	private static long totalMs(List<DeviceEvent> events, String postingId) {
		return events.stream().filter((e) -> postingId.equals(e.postingId())).mapToLong(DeviceEvent::durationMs).sum();
	}

}
