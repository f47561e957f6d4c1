package io.sunboard.testsupport.sim;

import java.util.Arrays;

/** A growing list of durations (nanoseconds) with percentiles in milliseconds. */
public final class Latencies {

	private long[] values = new long[1024];

	private int size;

	public synchronized void add(long nanos) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = nanos;
	}

	public synchronized int count() {
		return this.size;
	}

	public synchronized void clear() {
		this.size = 0;
	}

	/** The p-th percentile (0–100, nearest rank) in milliseconds; NaN when empty. */
	public synchronized double percentileMs(double p) {
		if (this.size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.values, this.size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	public double maxMs() {
		return percentileMs(100);
	}

}
