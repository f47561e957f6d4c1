package io.sunboard.server.dispatch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestOrderTests {

	private final ManifestOrder order = new ManifestOrder();

	private final List<String> wire = new CopyOnWriteArrayList<>();

	@Test
	void anOlderVersionAfterANewerOneIsDroppedAndTheSameVersionGoesOutAgain() {
		assertThat(this.order.publish("d1", 3, () -> this.wire.add("d1 v3"))).isTrue();
		assertThat(this.order.publish("d1", 2, () -> this.wire.add("d1 v2"))).isFalse();
		// republishing every stored manifest after the broker lost them
		assertThat(this.order.publish("d1", 3, () -> this.wire.add("d1 v3 again"))).isTrue();
		assertThat(this.order.publish("d1", 4, () -> this.wire.add("d1 v4"))).isTrue();
		// another screen's versions are its own
		assertThat(this.order.publish("d2", 1, () -> this.wire.add("d2 v1"))).isTrue();

		assertThat(this.wire).containsExactly("d1 v3", "d1 v3 again", "d1 v4", "d2 v1");
	}

	/**
	 * The race the order exists for: the first dispatch is still publishing version 2
	 * when the second, committed right after it, publishes version 3. Without the order,
	 * version 3 reaches the wire first and version 2, published last, stays retained.
	 */
	@Test
	void aNewerVersionWaitsForAnOlderOneStillBeingPublished() throws Exception {
		CountDownLatch olderStarted = new CountDownLatch(1);
		CountDownLatch newerTried = new CountDownLatch(1);
		CompletableFuture<Boolean> older = publishHeldUp(2, olderStarted, newerTried);
		assertThat(olderStarted.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Boolean> newer = CompletableFuture.supplyAsync(() -> this.order.publish("d1", 3, () -> {
			newerTried.countDown();
			this.wire.add("v3");
		}));

		assertThat(older.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(newer.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.wire).containsExactly("v2", "v3");
	}

	@Test
	void anOlderVersionArrivingWhileANewerOneIsBeingPublishedIsDropped() throws Exception {
		CountDownLatch newerStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> newer = publishHeldUp(5, newerStarted, release);
		assertThat(newerStarted.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Boolean> older = CompletableFuture
			.supplyAsync(() -> this.order.publish("d1", 4, () -> this.wire.add("v4")));
		release.countDown();

		assertThat(newer.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(older.get(5, TimeUnit.SECONDS)).isFalse();
		assertThat(this.wire).containsExactly("v5");
	}

	/**
	 * Publishes a version of d1 on another thread, held up inside the publish (as one
	 * waiting for the broker's in-flight window) until {@code release} or 500 ms.
	 */
	private CompletableFuture<Boolean> publishHeldUp(long version, CountDownLatch started, CountDownLatch release) {
		return CompletableFuture.supplyAsync(() -> this.order.publish("d1", version, () -> {
			started.countDown();
			try {
				release.await(500, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.wire.add("v" + version);
		}));
	}

}
