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
 * One transaction per group of batches: the new events, their rollups and the
 * {@link EventsStored} announcements commit together or not at all. The first attempt
 * inserts the batch without looking for stored events, since nearly every batch is new.
 * When some were stored before (a redelivered batch) or by another server instance at the
 * same moment (events or a rollup row), the key violation rolls the transaction back and
 * it runs again, now leaving out the stored events: each event is stored and counted
 * once. This works the same on H2 and PostgreSQL, where a failed statement spoils the
 * rest of its transaction.
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
		for (int attempt = 1;; attempt++) {
			boolean lookFirst = attempt > 1;
			try {
				return this.transactions.execute((status) -> {
					List<List<DeviceEvent>> stored = new ArrayList<>(Collections.nCopies(batches.size(), null));
					for (int i : order) {
						Batch batch = batches.get(i);
						stored.set(i, storeOne(batch.deviceId(), batch.events(), receivedAt, lookFirst));
					}
					return stored;
				});
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private List<DeviceEvent> storeOne(String deviceId, List<DeviceEvent> batch, Instant receivedAt,
			boolean lookFirst) {
		if (batch.isEmpty()) {
			return List.of();
		}
		List<DeviceEvent> stored = this.events.insertNew(deviceId, batch, receivedAt, lookFirst);
		this.rollups.add(deviceId, stored);
		this.ratings.add(deviceId, stored);
		if (!stored.isEmpty()) {
			this.publisher.publishEvent(new EventsStored(deviceId, stored));
		}
		return stored;
	}

	/** One device's batch of events. */
	record Batch(String deviceId, List<DeviceEvent> events) {

	}

}
