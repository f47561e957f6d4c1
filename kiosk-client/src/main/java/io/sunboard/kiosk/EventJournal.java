package io.sunboard.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;

/**
 * Events on disk until the server acknowledges them: one file per event under
 * {@code journal/}, named by a zero-padded sequence so names sort in recording order. An
 * event counts as recorded only once its file is fsync'd and renamed into place, so a
 * power cut loses nothing that was reported as recorded.
 * <p>
 * Bounded at {@code capacity} files so a screen offline for months cannot fill its disk.
 * When full, the oldest {@code played} events are folded into per-posting
 * {@code played-summary} events ({@link PlayFolding}); other events are never folded or
 * dropped. The oldest {@code sendWindow} events are never folded: the sender may have
 * sent them already, and a folded event that reached the server too would count twice.
 * Only when nothing is left to fold is a new {@code played} event refused (counted and
 * logged). Only sequence numbers are held in memory.
 */
final class EventJournal {

	static final int DEFAULT_CAPACITY = 100_000;

	/** Events at the head the sender may have in flight (see {@link EventSender}). */
	static final int SEND_WINDOW = EventSender.MAX_IN_FLIGHT + EventSender.BATCH_SIZE;

	private static final Logger log = LoggerFactory.getLogger(EventJournal.class);

	private static final String SUFFIX = ".json";

	private final Path directory;

	private final int capacity;

	private final JsonCodec codec;

	private final NavigableSet<Long> pending = new TreeSet<>();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong folded = new AtomicLong();

	private final int sendWindow;

	private final PlayFolding folding;

	private long nextSequence;

	EventJournal(Path directory, int capacity, JsonCodec codec) {
		this(directory, capacity, SEND_WINDOW, codec);
	}

	EventJournal(Path directory, int capacity, int sendWindow, JsonCodec codec) {
		this.directory = directory;
		this.capacity = capacity;
		this.sendWindow = sendWindow;
		this.codec = codec;
		this.folding = new PlayFolding(directory, codec);
		try {
			Files.createDirectories(directory);
			AtomicFiles.deleteTempFiles(directory);
			this.folding.recover();
			try (Stream<Path> files = Files.list(directory)) {
				files.map(EventJournal::sequenceOf).filter((seq) -> seq >= 0).forEach(this.pending::add);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open event journal " + directory + "; make it writable", ex);
		}
		this.nextSequence = this.pending.isEmpty() ? 0 : this.pending.last() + 1;
		if (!this.pending.isEmpty()) {
			log.info("Event journal {} holds {} unacknowledged events from before the restart; they will be resent",
					directory, this.pending.size());
		}
	}

	/**
	 * Writes the event durably.
	 * @return false when the journal is full and the event was refused
	 */
	synchronized boolean record(DeviceEvent event) {
		if (this.pending.size() >= this.capacity) {
			foldOldestPlays();
		}
		if (this.pending.size() >= this.capacity && event.type() == EventType.PLAYED) {
			long count = this.refused.incrementAndGet();
			if (count == 1 || count % 1000 == 0) {
				log.warn(
						"Event journal is full ({} events not yet acknowledged by the server); "
								+ "refused {} played events so far. Check the broker connection.",
						this.pending.size(), count);
			}
			return false;
		}
		long sequence = this.nextSequence++;
		try {
			AtomicFiles.write(file(sequence), this.codec.encode(event));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write event " + event.id() + " to " + this.directory, ex);
		}
		this.pending.add(sequence);
		return true;
	}

	/**
	 * Up to {@code limit} pending events in recording order, skipping those {@code skip}
	 * rejects (the sender's events in flight).
	 */
	synchronized List<Entry> peek(int limit, LongPredicate skip) {
		List<Entry> entries = new ArrayList<>();
		Long sequence = this.pending.isEmpty() ? null : this.pending.first();
		while (sequence != null && entries.size() < limit) {
			Long next = this.pending.higher(sequence);
			if (!skip.test(sequence)) {
				read(sequence).ifPresent(entries::add);
			}
			sequence = next;
		}
		return entries;
	}

	/** Drops an event the server has acknowledged. */
	synchronized void remove(long sequence) {
		if (this.pending.remove(sequence)) {
			try {
				Files.deleteIfExists(file(sequence));
			}
			catch (IOException ex) {
				log.warn("Cannot delete acknowledged event file {}: {}", file(sequence), ex.toString());
			}
		}
	}

	/**
	 * Folds up to a tenth of the journal's oldest foldable events (past the send window)
	 * into per-posting summaries.
	 */
	private void foldOldestPlays() {
		int chunk = Math.min(PlayFolding.MAX_CHUNK, Math.max(100, this.capacity / 10));
		List<Long> sequences = new ArrayList<>();
		List<DeviceEvent> events = new ArrayList<>();
		int position = 0;
		for (Long sequence : List.copyOf(this.pending)) {
			if (position++ < this.sendWindow) {
				continue;
			}
			Optional<Entry> entry = read(sequence);
			if (entry.isPresent() && PlayFolding.foldable(entry.get().event())) {
				sequences.add(sequence);
				events.add(entry.get().event());
				if (events.size() >= chunk) {
					break;
				}
			}
		}
		List<DeviceEvent> summaries = PlayFolding.summarise(events);
		if (summaries.isEmpty()) {
			return;
		}
		PlayFolding.Intent intent;
		try {
			intent = this.folding.prepare(sequences, summaries, () -> this.nextSequence++);
		}
		catch (IOException ex) {
			log.warn("Cannot fold played events in {}: {}", this.directory, ex.toString());
			return;
		}
		// Committed: the next start finishes the fold if this process dies now.
		this.pending.removeAll(intent.remove());
		this.pending.addAll(intent.add());
		try {
			this.folding.apply(intent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot finish folding played events in " + this.directory, ex);
		}
		long total = this.folded.addAndGet(events.size());
		log.warn(
				"Event journal full ({} events not yet acknowledged): folded {} played events into {} per-posting "
						+ "summaries ({} folded so far). Check the broker connection.",
				this.pending.size(), events.size(), summaries.size(), total);
	}

	/** Played events folded into summaries because the journal was full. */
	long foldedCount() {
		return this.folded.get();
	}

	/** Events recorded but not yet acknowledged. */
	synchronized int depth() {
		return this.pending.size();
	}

	/** Played events refused because the journal was full. */
	long refusedCount() {
		return this.refused.get();
	}

	private Optional<Entry> read(long sequence) {
		try {
			return Optional
				.of(new Entry(sequence, this.codec.decode(Files.readAllBytes(file(sequence)), DeviceEvent.class)));
		}
		catch (NoSuchFileException ex) {
			this.pending.remove(sequence);
			return Optional.empty();
		}
		catch (IOException | MalformedMessageException ex) {
			// A file this client wrote and cannot read back will never become readable;
			// keeping it would block the journal forever.
			log.error("Dropping unreadable journal file {}: {}", file(sequence), ex.toString());
			remove(sequence);
			return Optional.empty();
		}
	}

	private Path file(long sequence) {
		return this.directory.resolve(fileName(sequence));
	}

	static String fileName(long sequence) {
		return String.format("%019d", sequence) + SUFFIX;
	}

	private static long sequenceOf(Path file) {
		String name = file.getFileName().toString();
		if (!name.endsWith(SUFFIX)) {
			return -1;
		}
		try {
			return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** A pending event and the sequence its file is named by. */
	record Entry(long sequence, DeviceEvent event) {
	}

}
