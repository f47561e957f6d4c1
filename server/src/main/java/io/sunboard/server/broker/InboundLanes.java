package io.sunboard.server.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.server.system.Threads;

/**
 * The server's inbound lanes, one thread each. A message goes to the lane of its key (the
 * device), so a device's messages keep their arrival order while different devices' are
 * handled in parallel. A message that finds its lane idle waits {@code linger} for others
 * before the lane hands on what has gathered, up to {@link MqttMessagesReceived#MAX} at a
 * time: ten thousand screens each reporting one {@code applied} event after a fan-out, or
 * sending their heartbeats, then share a transaction per bunch instead of one each. A
 * lane that falls behind gathers without waiting, as before.
 * <p>
 * While the server's outbound side is in a burst (a region's manifests going out),
 * bunches wait until it is over, for at most {@code maxHold} a burst: the screens'
 * {@code applied} events of a fan-out arrive while later screens still wait for their
 * manifests, and storing and acknowledging them then took the same two cores, and the
 * database, from the dispatch (docs/scaling.md, tenth session). Nothing is lost by
 * waiting: a screen resends a batch only after 10 s without its ack.
 */
final class InboundLanes {

	/**
	 * Long enough for a bunch to gather at a few thousand messages a second, short
	 * against a screen's ack timeout (10 s) and a heartbeat's period (30 s).
	 */
	static final Duration LINGER = Duration.ofMillis(20);

	/**
	 * The longest a burst holds bunches back: well inside a screen's 10 s ack timeout.
	 */
	static final Duration MAX_HOLD = Duration.ofSeconds(3);

	/** How often a held lane looks whether the burst is over. */
	private static final long HOLD_STEP_NANOS = Duration.ofMillis(25).toNanos();

	private static final Logger log = LoggerFactory.getLogger(InboundLanes.class);

	private final List<Lane> lanes;

	private final long lingerNanos;

	private final Consumer<List<MqttMessageReceived>> handler;

	private final BooleanSupplier burst;

	private final long maxHoldNanos;

	/**
	 * Lanes that never hold back.
	 * @param handler called on the lane's thread with each bunch, in arrival order; what
	 * it throws is logged and spoils nothing for the next bunch
	 */
	InboundLanes(int count, Duration linger, Consumer<List<MqttMessageReceived>> handler) {
		this(count, linger, () -> false, MAX_HOLD, handler);
	}

	/**
	 * @param burst whether the outbound side is in a burst now; asked on the lanes'
	 * threads, so it must be cheap
	 * @param maxHold the longest a burst holds bunches back
	 * @param handler called on the lane's thread with each bunch, in arrival order; what
	 * it throws is logged and spoils nothing for the next bunch
	 */
	InboundLanes(int count, Duration linger, BooleanSupplier burst, Duration maxHold,
			Consumer<List<MqttMessageReceived>> handler) {
		this.lingerNanos = linger.toNanos();
		this.burst = burst;
		this.maxHoldNanos = maxHold.toNanos();
		this.handler = handler;
		this.lanes = IntStream.range(0, count).mapToObj(Lane::new).toList();
	}

	/** Queues a message on the lane of {@code key}. */
	void offer(String key, MqttMessageReceived message) {
		this.lanes.get(Math.floorMod(key.hashCode(), this.lanes.size())).offer(message);
	}

	/**
	 * Hands on what is waiting (the lingering bunches go at once), then stops the lanes.
	 */
	void shutdown(Duration wait) throws InterruptedException {
		for (Lane lane : this.lanes) {
			lane.thread.execute(lane::drainAll);
			lane.thread.shutdown(); // and drops the lingering drains
		}
		long deadline = System.nanoTime() + wait.toNanos();
		for (Lane lane : this.lanes) {
			lane.thread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
	}

	private final class Lane {

		private final ScheduledThreadPoolExecutor thread;

		private final Queue<MqttMessageReceived> waiting = new ConcurrentLinkedQueue<>();

		private final AtomicInteger size = new AtomicInteger();

		/** A drain is due: arrivals until it runs join its bunch. */
		private final AtomicBoolean due = new AtomicBoolean();

		/**
		 * When this lane began holding back for the current burst; 0 when not. Lane
		 * thread only.
		 */
		private long heldSince;

		/** A look whether the burst is over is scheduled. Lane thread only. */
		private boolean recheckDue;

		private final int index;

		Lane(int index) {
			this.index = index;
			this.thread = new ScheduledThreadPoolExecutor(1, Threads.named("mqtt-inbound-" + index));
			this.thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		}

		void offer(MqttMessageReceived message) {
			this.waiting.add(message);
			int waitingNow = this.size.incrementAndGet();
			try {
				if (this.due.compareAndSet(false, true)) {
					this.thread.schedule(this::drain, InboundLanes.this.lingerNanos, TimeUnit.NANOSECONDS);
				}
				else if (waitingNow % MqttMessagesReceived.MAX == 0) {
					// a full bunch waits for no one
					this.thread.execute(this::drain);
				}
			}
			catch (RejectedExecutionException ex) {
				// stopping: the broker redelivers unacknowledged QoS 1 messages to
				// whoever
				// connects next, and devices resend unacknowledged events
				log.debug("Inbound lane {} stopped; a message on {} was not handled", this.index, message.topic());
			}
		}

		private void drainAll() {
			while (!this.waiting.isEmpty()) {
				handOn();
			}
		}

		/** Hands on one bunch, unless a burst holds it back. */
		private void drain() {
			if (!holdBack()) {
				handOn();
			}
		}

		/**
		 * Whether to wait for the outbound burst to end; if so, a look is scheduled. A
		 * burst holds a lane back for at most {@code maxHold}, then the lane goes on as
		 * usual until the burst is over.
		 */
		private boolean holdBack() {
			if (this.waiting.isEmpty() || !InboundLanes.this.burst.getAsBoolean()) {
				this.heldSince = 0;
				return false;
			}
			long now = System.nanoTime();
			if (this.heldSince == 0) {
				this.heldSince = now;
			}
			if (now - this.heldSince >= InboundLanes.this.maxHoldNanos) {
				return false;
			}
			if (!this.recheckDue) {
				this.recheckDue = true;
				try {
					this.thread.schedule(() -> {
						this.recheckDue = false;
						drain();
					}, HOLD_STEP_NANOS, TimeUnit.NANOSECONDS);
				}
				catch (RejectedExecutionException ex) {
					// stopping: drainAll hands everything on
					return false;
				}
			}
			return true;
		}

		/**
		 * Hands on one bunch. Arrivals during the handling schedule the next drain; a
		 * full bunch leaves the rest to a drain right after it, since they have waited.
		 */
		private void handOn() {
			this.due.set(false);
			List<MqttMessageReceived> bunch = new ArrayList<>();
			MqttMessageReceived next;
			while (bunch.size() < MqttMessagesReceived.MAX && (next = this.waiting.poll()) != null) {
				bunch.add(next);
			}
			if (bunch.isEmpty()) {
				return;
			}
			int left = this.size.addAndGet(-bunch.size());
			try {
				InboundLanes.this.handler.accept(bunch);
			}
			catch (RuntimeException ex) {
				log.error("Handling {} messages on lane {} failed", bunch.size(), this.index, ex);
			}
			if (bunch.size() == MqttMessagesReceived.MAX && left > 0) {
				try {
					this.thread.execute(this::drain);
				}
				catch (RejectedExecutionException ex) {
					handOn(); // stopping: what arrived is still handed on
				}
			}
		}

	}

}
