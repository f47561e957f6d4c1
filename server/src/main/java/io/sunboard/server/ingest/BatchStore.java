package io.sunboard.server.ingest;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.sunboard.protocol.DeviceEvent;

/**
 * One transaction per batch: the new events, their rollups and the {@link EventsStored}
 * announcement commit together or not at all. The first attempt inserts the batch without
 * looking for stored events, since nearly every batch is new. When some were stored
 * before (a redelivered batch) or by another server instance at the same moment (events
 * or a rollup row), the key violation rolls the transaction back and it runs again, now
 * leaving out the stored events: each event is stored and counted once. This works the
 * same on H2 and PostgreSQL, where a failed statement spoils the rest of its transaction.
 */
@Component
class BatchStore {

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
		if (batch.isEmpty()) {
			return List.of();
		}
		for (int attempt = 1;; attempt++) {
			boolean lookFirst = attempt > 1;
			try {
				return this.transactions.execute((status) -> {
					List<DeviceEvent> stored = this.events.insertNew(deviceId, batch, receivedAt, lookFirst);
					this.rollups.add(deviceId, stored);
					this.ratings.add(deviceId, stored);
					if (!stored.isEmpty()) {
						this.publisher.publishEvent(new EventsStored(deviceId, stored));
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

}
