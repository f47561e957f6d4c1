package io.sunboard.testsupport.sim;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of a fleet, and the acknowledgement lag of every batch (ms, in arrival order).
 */
public final class FleetStats {

	final AtomicLong manifestsApplied = new AtomicLong();

	final AtomicLong fetchedDocuments = new AtomicLong();

	final AtomicLong carriedDocuments = new AtomicLong();

	final AtomicLong failedFetches = new AtomicLong();

	final AtomicLong rejectedManifests = new AtomicLong();

	final AtomicLong playedSent = new AtomicLong();

	final AtomicLong eventsAcked = new AtomicLong();

	final AtomicLong batchesAcked = new AtomicLong();

	final AtomicLong resentBatches = new AtomicLong();

	private final Latencies ackLag = new Latencies();

	void ackedBatch(int events, long lagNanos) {
		this.eventsAcked.addAndGet(events);
		this.batchesAcked.incrementAndGet();
		this.ackLag.add(lagNanos);
	}

	public long manifestsApplied() {
		return this.manifestsApplied.get();
	}

	public long fetchedDocuments() {
		return this.fetchedDocuments.get();
	}

	/** Documents taken from a manifest that carried them, instead of downloaded. */
	public long carriedDocuments() {
		return this.carriedDocuments.get();
	}

	public long failedFetches() {
		return this.failedFetches.get();
	}

	public long playedSent() {
		return this.playedSent.get();
	}

	public long eventsAcked() {
		return this.eventsAcked.get();
	}

	public long resentBatches() {
		return this.resentBatches.get();
	}

	/** Send → acknowledgement (stored and committed) per batch, since the last reset. */
	public Latencies ackLag() {
		return this.ackLag;
	}

}
