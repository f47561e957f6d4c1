package io.sunboard.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;

/**
 * The journal's policy when full: the oldest {@code played} (and earlier
 * {@code played-summary}) events are folded into one {@code played-summary} per posting
 * (count, total duration, first and last showing), so proof of play keeps its totals and
 * only loses the individual showings' times. Nothing else is ever folded or dropped.
 * <p>
 * Crash-safe in three steps: the summaries are written under {@code fold/}, then an
 * intent file naming what is added and removed (the commit point), then the summaries
 * move into the journal and the folded files go. A crash before the intent leaves the
 * journal as it was; after it, {@link #recover()} finishes the job on the next start. So
 * an event is never counted twice (folded and sent) nor lost.
 */
final class PlayFolding {

	/** Stays under the MQTT payload limit the codec enforces for the intent file. */
	static final int MAX_CHUNK = 5000;

	private static final String INTENT = "intent.json";

	private final Path journal;

	private final Path foldDir;

	private final JsonCodec codec;

	PlayFolding(Path journal, JsonCodec codec) {
		this.journal = journal;
		this.foldDir = journal.resolve("fold");
		this.codec = codec;
	}

	static boolean foldable(DeviceEvent event) {
		return event.type() == EventType.PLAYED || event.type() == EventType.PLAYED_SUMMARY;
	}

	/**
	 * Plans one summary per posting for {@code folded}; empty when folding would not free
	 * any space.
	 */
	static List<DeviceEvent> summarise(List<DeviceEvent> folded) {
		Map<String, Summary> byPosting = new LinkedHashMap<>();
		for (DeviceEvent event : folded) {
			byPosting.computeIfAbsent(event.postingId(), Summary::new).add(event);
		}
		if (byPosting.size() >= folded.size()) {
			return List.of();
		}
		return byPosting.values().stream().map(Summary::toEvent).toList();
	}

	/**
	 * Writes the summaries and the intent (steps 1 and 2); after this returns the fold
	 * happens, even across a crash.
	 */
	Intent prepare(List<Long> remove, List<DeviceEvent> summaries, LongSupplier nextSequence) throws IOException {
		Files.createDirectories(this.foldDir);
		List<Long> add = new ArrayList<>();
		for (DeviceEvent summary : summaries) {
			long sequence = nextSequence.getAsLong();
			AtomicFiles.write(this.foldDir.resolve(EventJournal.fileName(sequence)), this.codec.encode(summary));
			add.add(sequence);
		}
		Intent intent = new Intent(List.copyOf(remove), add);
		AtomicFiles.write(this.foldDir.resolve(INTENT), this.codec.encode(intent));
		return intent;
	}

	/** Step 3: idempotent, so recovery may run it again. */
	void apply(Intent intent) throws IOException {
		for (long sequence : intent.add()) {
			Path staged = this.foldDir.resolve(EventJournal.fileName(sequence));
			if (Files.exists(staged)) {
				Files.move(staged, this.journal.resolve(EventJournal.fileName(sequence)),
						StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		AtomicFiles.forceDirectory(this.journal);
		for (long sequence : intent.remove()) {
			Files.deleteIfExists(this.journal.resolve(EventJournal.fileName(sequence)));
		}
		AtomicFiles.forceDirectory(this.journal);
		Files.deleteIfExists(this.foldDir.resolve(INTENT));
	}

	/**
	 * Before the journal lists its files: finishes a committed fold, discards summaries
	 * of one that never committed.
	 */
	void recover() throws IOException {
		if (!Files.isDirectory(this.foldDir)) {
			return;
		}
		Path intentFile = this.foldDir.resolve(INTENT);
		if (Files.exists(intentFile)) {
			try {
				apply(this.codec.decode(Files.readAllBytes(intentFile), Intent.class));
			}
			catch (MalformedMessageException ex) {
				// The intent is written atomically, so this is damage from outside: keep
				// the originals, which loses nothing.
				Files.deleteIfExists(intentFile);
			}
		}
		try (Stream<Path> leftovers = Files.list(this.foldDir)) {
			for (Path file : leftovers.toList()) {
				try {
					Files.deleteIfExists(file);
				}
				catch (NoSuchFileException ex) {
					// gone already
				}
			}
		}
	}

	/** What a fold adds to and removes from the journal, by sequence. */
	record Intent(List<Long> remove, List<Long> add) {

		Intent {
			remove = (remove != null) ? List.copyOf(remove) : List.of();
			add = (add != null) ? List.copyOf(add) : List.of();
		}

	}

	private static final class Summary {

		private final String postingId;

		private long count;

		private long totalMs;

		private Instant first;

		private Instant last;

		Summary(String postingId) {
			this.postingId = postingId;
		}

		void add(DeviceEvent event) {
			boolean summary = event.type() == EventType.PLAYED_SUMMARY;
			this.count += summary ? event.count() : 1;
			this.totalMs += event.durationMs();
			Instant begin = event.at();
			Instant end = summary ? event.lastAt() : event.at();
			this.first = (this.first == null || begin.isBefore(this.first)) ? begin : this.first;
			this.last = (this.last == null || end.isAfter(this.last)) ? end : this.last;
		}

		DeviceEvent toEvent() {
			return DeviceEvent.playedSummary(EventIds.next(), this.first, this.last, this.postingId, this.count,
					this.totalMs);
		}

	}

}
