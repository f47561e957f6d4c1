package io.sunboard.kiosk;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's few threads, each single so the work on it needs no locks:
 * <ul>
 * <li>{@code timer}: player ticks, heartbeats, connection state, retries;</li>
 * <li>{@code inbox}: MQTT messages and connection events, and the event sender;</li>
 * <li>{@code fetch}: content downloads, which may block for seconds;</li>
 * <li>{@code http}: the local player page.</li>
 * </ul>
 * Daemon threads, so a kiosk started inside another process (tests, the demo runner)
 * never keeps that JVM alive.
 */
record KioskThreads(ScheduledExecutorService timer, ExecutorService inbox, ExecutorService fetch,
		ExecutorService http) {

	static KioskThreads create(String deviceId) {
		return new KioskThreads(Executors.newSingleThreadScheduledExecutor(named("kiosk-timer-" + deviceId)),
				Executors.newSingleThreadExecutor(named("kiosk-inbox-" + deviceId)),
				Executors.newSingleThreadExecutor(named("kiosk-fetch-" + deviceId)),
				Executors.newFixedThreadPool(2, named("kiosk-http-" + deviceId)));
	}

	void shutdown() {
		List<ExecutorService> all = List.of(this.timer, this.inbox, this.fetch, this.http);
		all.forEach(ExecutorService::shutdownNow);
		for (ExecutorService executor : all) {
			try {
				executor.awaitTermination(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static ThreadFactory named(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
