package io.sunboard.server.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.sunboard.protocol.DeviceEvent;

/**
 * One transaction per group of batches, with one insert and one update per rollup for the
 * whole group: the new events, their rollups and the {@link EventsStored} announcements
 * commit together or not at all. The first attempt inserts the batch without looking for
 * stored events, since nearly every batch is new. When some were stored before (a
 * redelivered batch) or by another server instance at the same moment (events or a rollup
 * row), the key violation rolls the transaction back and it runs again, now leaving out
 * the stored events: each event is stored and counted once. This works the same on H2 and
 * PostgreSQL, where a failed statement spoils the rest of its transaction.
 */
@Component
class BatchStore {

	private static final Logger log = LoggerFactory.getLogger(BatchStore.class);

	/** An optimistic first attempt, then up to three that look first. */
	private static final int ATTEMPTS = 4;

	private final DeviceEventRepository events;

	private final PlayRollups rollups;

	private final RatingRollups ratings;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transactions;

	BatchStore(DeviceEventRepository events, PlayRollups rollups, RatingRollups ratings,
			ApplicationEventPublisher publisher, TransactionTemplate transactions) {
		this.events = events;
		this.rollups = rollups;
		this.ratings = ratings;
		this.publisher = publisher;
		this.transactions = transactions;
	}

	/** Returns the events that were new. */
	List<DeviceEvent> store(String deviceId, List<DeviceEvent> batch, Instant receivedAt) {
		return storeAll(List.of(new Batch(deviceId, batch)), receivedAt).get(0);
	}

	/**
	 * Stores several devices' batches in one transaction (the batches that queued up
	 * while the last transaction ran: under load one commit serves many, idle each goes
	 * alone). Returns, in the same order, the events of each that were new; null for a
	 * batch that could not be stored, which is left unacknowledged for its device to send
	 * again. A failure other than a key collision is not let spoil the rest: the batches
	 * are then stored one by one.
	 */
	List<List<DeviceEvent>> storeAll(List<Batch> batches, Instant receivedAt) {
		try {
			return storeTogether(batches, receivedAt);
		}
		catch (RuntimeException ex) {
			if (batches.size() == 1) {
				throw ex;
			}
			log.warn("Storing {} event batches together failed ({}); storing them one by one", batches.size(),
					ex.toString());
			List<List<DeviceEvent>> stored = new ArrayList<>();
			for (Batch batch : batches) {
				try {
					stored.add(storeTogether(List.of(batch), receivedAt).get(0));
				}
				catch (RuntimeException single) {
					log.error("Could not store an event batch of device {}; it stays unacknowledged", batch.deviceId(),
							single);
					stored.add(null);
				}
			}
			return stored;
		}
	}

	private List<List<DeviceEvent>> storeTogether(List<Batch> batches, Instant receivedAt) {
		// rows are locked in device order, so two instances storing overlapping groups
		// wait for each other instead of deadlocking; a device's own batches keep their
		// order (the sort is stable)
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < batches.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing((Integer i) -> batches.get(i).deviceId()));
		List<Batch> sorted = order.stream().map(batches::get).toList();
		for (int attempt = 1;; attempt++) {
			boolean lookFirst = attempt > 1;
			try {
				return this.transactions.execute((status) -> {
					List<List<DeviceEvent>> fresh = this.events.insertNew(sorted, receivedAt, lookFirst);
					List<Batch> stored = new ArrayList<>();
					List<List<DeviceEvent>> byBatch = new ArrayList<>(Collections.nCopies(batches.size(), null));
					for (int k = 0; k < sorted.size(); k++) {
						stored.add(new Batch(sorted.get(k).deviceId(), fresh.get(k)));
						byBatch.set(order.get(k), fresh.get(k));
					}
					this.rollups.add(stored);
					this.ratings.add(stored);
					for (Batch batch : stored) {
						if (!batch.events().isEmpty()) {
							this.publisher.publishEvent(new EventsStored(batch.deviceId(), batch.events()));
						}
					}
					return byBatch;
				});
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** One device's batch of events. */
	record Batch(String deviceId, List<DeviceEvent> events) {

	}

}
