package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.Ids;

import static org.assertj.core.api.Assertions.assertThat;

class EventJournalTests {

	@TempDir
	Path dir;

	private EventJournal open(int capacity) {
		return new EventJournal(this.dir, capacity, Fixtures.CODEC);
	}

	private static DeviceEvent played(String postingId) {
		return DeviceEvent.played(EventIds.next(), Fixtures.T0, postingId, 10_000);
	}

	@Test
	void pendingEventsSurviveARestartInOrderAndAnAckRemovesThem() {
		EventJournal journal = open(100);
		DeviceEvent first = played("p-1");
		DeviceEvent second = DeviceEvent.applied(EventIds.next(), Fixtures.T0, 7);
		DeviceEvent third = played("p-2");
		journal.record(first);
		journal.record(second);
		journal.record(third);

		EventJournal reopened = open(100);

		assertThat(reopened.depth()).isEqualTo(3);
		List<EventJournal.Entry> pending = reopened.peek(10, (seq) -> false);
		assertThat(pending).extracting(EventJournal.Entry::event).containsExactly(first, second, third);

		reopened.remove(pending.get(0).sequence());
		assertThat(reopened.depth()).isEqualTo(2);
		assertThat(open(100).peek(10, (seq) -> false)).extracting(EventJournal.Entry::event)
			.containsExactly(second, third);
	}

	@Test
	void newEventsAfterARestartSortAfterTheOldOnes() {
		EventJournal journal = open(100);
		DeviceEvent old = played("p-1");
		journal.record(old);
		journal.record(played("p-2"));
		journal.remove(journal.peek(10, (seq) -> false).get(1).sequence());

		EventJournal reopened = open(100);
		DeviceEvent fresh = played("p-3");
		reopened.record(fresh);

		assertThat(reopened.peek(10, (seq) -> false)).extracting(EventJournal.Entry::event).containsExactly(old, fresh);
	}

	@Test
	void eachEventIsItsOwnFileAndHalfWrittenTempFilesAreDiscarded() throws IOException {
		EventJournal journal = open(100);
		journal.record(played("p-1"));
		Files.writeString(this.dir.resolve("0000000000000000009.json.tmp"), "{\"half");

		open(100);

		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("0000000000000000000.json");
		}
	}

	@Test
	void peekSkipsEventsInFlightAndHonoursTheLimit() {
		EventJournal journal = open(100);
		for (int i = 0; i < 5; i++) {
			journal.record(played("p-" + i));
		}

		List<EventJournal.Entry> entries = journal.peek(2, (seq) -> seq < 2);

		assertThat(entries).extracting(EventJournal.Entry::sequence).containsExactly(2L, 3L);
	}

	@Test
	void fullJournalRefusesPlayedEventsButKeepsApplied() {
		EventJournal journal = open(2);
		assertThat(journal.record(played("p-1"))).isTrue();
		assertThat(journal.record(played("p-2"))).isTrue();

		assertThat(journal.record(played("p-3"))).isFalse();
		assertThat(journal.record(DeviceEvent.applied(EventIds.next(), Fixtures.T0, 3))).isTrue();

		assertThat(journal.depth()).isEqualTo(3);
		assertThat(journal.refusedCount()).isEqualTo(1);
	}

	@Test
	void unreadableFileIsDroppedRatherThanBlockingTheJournal() throws IOException {
		EventJournal journal = open(100);
		journal.record(played("p-1"));
		DeviceEvent good = played("p-2");
		journal.record(good);
		Files.writeString(this.dir.resolve("0000000000000000000.json"), "not json");

		assertThat(journal.peek(10, (seq) -> false)).extracting(EventJournal.Entry::event).containsExactly(good);
		assertThat(journal.depth()).isEqualTo(1);
	}

	@Test
	void eventIdsAreValidAndUnique() {
		String a = EventIds.next();
		String b = EventIds.next();

		assertThat(Ids.isValid(a)).isTrue();
		assertThat(a).isNotEqualTo(b);
	}

}
