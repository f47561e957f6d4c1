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
 * announcement commit together or not at all. When another server instance stored some of
 * the same events (or created the same rollup row) at the same moment, the key violation
 * rolls the transaction back and it runs again, now seeing the other instance's rows:
 * each event is stored and counted once. This works the same on H2 and PostgreSQL, where
 * a failed statement spoils the rest of its transaction.
 */
@Component
class BatchStore {

	private static final int ATTEMPTS = 3;

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
			try {
				return this.transactions.execute((status) -> {
					List<DeviceEvent> stored = this.events.insertNew(deviceId, batch, receivedAt);
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
