package io.sunboard.server.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboundLanesTests {

	private final List<List<String>> bunches = new CopyOnWriteArrayList<>();

	private final List<String> threads = new CopyOnWriteArrayList<>();

	private InboundLanes lanes;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.lanes != null) {
			this.lanes.shutdown(Duration.ofSeconds(5));
		}
	}

	@Test
	void messagesThatArriveWithinTheLingerGoOnAsOneBunchInArrivalOrder() throws InterruptedException {
		CountDownLatch handed = new CountDownLatch(1);
		this.lanes = lanes(Duration.ofSeconds(1), handed);
		List<String> sent = offer("screen-1", 50);

		assertThat(handed.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.bunches).containsExactly(sent);
	}

	@Test
	void aLoneMessageIsHandedOnAfterTheLinger() throws InterruptedException {
		CountDownLatch handed = new CountDownLatch(1);
		this.lanes = lanes(Duration.ofMillis(20), handed);
		long start = System.nanoTime();
		offer("screen-1", 1);

		assertThat(handed.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
		assertThat(this.bunches).containsExactly(List.of("screen-1#0"));
	}

	@Test
	void aFullBunchGoesWithoutWaitingAndTheRestWhenTheLanesStop() throws InterruptedException {
		CountDownLatch handed = new CountDownLatch(MqttMessagesReceived.MAX);
		// a linger no test waits for: only full bunches (and what queued behind them) and
		// the stop can hand messages on
		this.lanes = new InboundLanes(2, Duration.ofHours(1), (bunch) -> {
			this.bunches.add(topics(bunch));
			bunch.forEach((m) -> handed.countDown());
		});
		List<String> sent = offer("screen-1", 2 * MqttMessagesReceived.MAX + 50);

		assertThat(handed.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.bunches.get(0)).hasSize(MqttMessagesReceived.MAX);

		this.lanes.shutdown(Duration.ofSeconds(5));
		this.lanes = null;
		assertThat(this.bunches).allSatisfy((b) -> assertThat(b).hasSizeLessThanOrEqualTo(MqttMessagesReceived.MAX));
		assertThat(this.bunches.stream().flatMap(List::stream).toList()).isEqualTo(sent);
	}

	@Test
	void aFailingBunchSpoilsNothingForTheNext() throws InterruptedException {
		CountDownLatch failed = new CountDownLatch(1);
		CountDownLatch second = new CountDownLatch(1);
		this.lanes = new InboundLanes(1, Duration.ofMillis(10), (bunch) -> {
			if (bunch.get(0).topic().equals("bad#0")) {
				failed.countDown();
				throw new IllegalStateException("database away");
			}
			this.bunches.add(topics(bunch));
			second.countDown();
		});
		offer("bad", 1);
		// the next message only once the first bunch has failed, so it forms a bunch of
		// its
		// own
		assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
		offer("good", 1);

		assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.bunches).containsExactly(List.of("good#0"));
	}

	@Test
	void eachKeyKeepsItsOrderAndItsLaneWhileKeysAreSpreadOverLanes() throws InterruptedException {
		int keys = 40;
		int each = 300;
		CountDownLatch all = new CountDownLatch(keys * each);
		this.lanes = new InboundLanes(4, Duration.ofMillis(5), (bunch) -> {
			bunch.forEach((m) -> this.threads.add(m.topic().split("#")[0] + "@" + Thread.currentThread().getName()));
			this.bunches.add(topics(bunch));
			bunch.forEach((m) -> all.countDown());
		});
		List<List<String>> sent = new ArrayList<>();
		for (int k = 0; k < keys; k++) {
			sent.add(new ArrayList<>());
		}
		for (int i = 0; i < each; i++) {
			for (int k = 0; k < keys; k++) {
				String topic = "screen-" + k + "#" + i;
				sent.get(k).add(topic);
				this.lanes.offer("screen-" + k, message(topic));
			}
		}

		assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
		List<String> received = this.bunches.stream().flatMap(List::stream).toList();
		for (int k = 0; k < keys; k++) {
			String prefix = "screen-" + k + "#";
			String onThread = "screen-" + k + "@";
			assertThat(received.stream().filter((t) -> t.startsWith(prefix)).toList()).isEqualTo(sent.get(k));
			assertThat(this.threads.stream().filter((t) -> t.startsWith(onThread)).distinct()).hasSize(1);
		}
		assertThat(this.threads.stream().map((t) -> t.substring(t.indexOf('@'))).distinct().count()).isGreaterThan(1);
	}

	@Test
	void anOutboundBurstHoldsBunchesBackUntilItIsOverThenAllGoInOrder() throws InterruptedException {
		AtomicBoolean burst = new AtomicBoolean(true);
		CountDownLatch all = new CountDownLatch(2 * MqttMessagesReceived.MAX + 30);
		this.lanes = new InboundLanes(1, Duration.ofMillis(5), burst::get, Duration.ofMinutes(1), (bunch) -> {
			this.bunches.add(topics(bunch));
			bunch.forEach((m) -> all.countDown());
		});
		// more than a full bunch: a full bunch does not jump the hold either
		List<String> sent = offer("screen-1", 2 * MqttMessagesReceived.MAX + 30);

		assertThat(all.await(300, TimeUnit.MILLISECONDS)).as("handed on during the burst").isFalse();
		assertThat(this.bunches).isEmpty();

		burst.set(false);
		assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.bunches.stream().flatMap(List::stream).toList()).isEqualTo(sent);
		assertThat(this.bunches).allSatisfy((b) -> assertThat(b).hasSizeLessThanOrEqualTo(MqttMessagesReceived.MAX));

		// no burst: a message goes after the linger as before
		int before = this.bunches.size();
		this.lanes.offer("screen-1", message("screen-1#late"));
		await().atMost(Duration.ofSeconds(2)).until(() -> this.bunches.size() == before + 1);
	}

	@Test
	void aBurstThatDoesNotEndHoldsBackForAtMostMaxHold() throws InterruptedException {
		CountDownLatch handed = new CountDownLatch(1);
		this.lanes = new InboundLanes(1, Duration.ofMillis(5), () -> true, Duration.ofMillis(300), (bunch) -> {
			this.bunches.add(topics(bunch));
			handed.countDown();
		});
		long start = System.nanoTime();
		offer("screen-1", 3);

		assertThat(handed.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
		assertThat(this.bunches).containsExactly(List.of("screen-1#0", "screen-1#1", "screen-1#2"));
	}

	@Test
	void stoppingHandsOnWhatABurstHeldBack() throws InterruptedException {
		this.lanes = new InboundLanes(2, Duration.ofMillis(5), () -> true, Duration.ofHours(1),
				(bunch) -> this.bunches.add(topics(bunch)));
		List<String> sent = offer("screen-1", 20);

		this.lanes.shutdown(Duration.ofSeconds(5));
		this.lanes = null;

		assertThat(this.bunches.stream().flatMap(List::stream).toList()).isEqualTo(sent);
	}

	private InboundLanes lanes(Duration linger, CountDownLatch handed) {
		return new InboundLanes(2, linger, (bunch) -> {
			this.bunches.add(topics(bunch));
			handed.countDown();
		});
	}

	private List<String> offer(String key, int count) {
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String topic = key + "#" + i;
			sent.add(topic);
			this.lanes.offer(key, message(topic));
		}
		return Collections.unmodifiableList(sent);
	}

	private static MqttMessageReceived message(String topic) {
		return new MqttMessageReceived(topic, topic.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> topics(List<MqttMessageReceived> bunch) {
		return bunch.stream().map(MqttMessageReceived::topic).toList();
	}

}
