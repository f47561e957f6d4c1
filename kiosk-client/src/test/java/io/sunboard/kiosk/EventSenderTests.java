package io.sunboard.kiosk;

import io.sunboard.testsupport.MutableClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class EventSenderTests {

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(Fixtures.T0);

	private final FakeBroker broker = new FakeBroker();

	private EventJournal journal;

	private EventSender sender;

	@BeforeEach
	void setUp() {
		this.journal = new EventJournal(this.dir, 100_000, Fixtures.CODEC);
		this.sender = new EventSender(this.journal, this.broker, new Identity("lobby-01", Topics.defaults(), "dev"),
				Fixtures.CODEC, this.clock, Duration.ofSeconds(30), Runnable::run);
	}

	private void record(int count) {
		for (int i = 0; i < count; i++) {
			this.journal.record(DeviceEvent.played(EventIds.next(), Fixtures.T0, "p-" + i, 1000));
		}
	}

	private EventBatch batch(int index) throws MalformedMessageException {
		return Fixtures.CODEC.decode(this.broker.published.get(index), EventBatch.class);
	}

	private byte[] ack(EventBatch batch) {
		return Fixtures.CODEC.encode(new EventAck(batch.events().stream().map(DeviceEvent::id).toList()));
	}

	@Test
	void sendsNothingWhileDisconnected() {
		record(3);
		this.sender.flush();

		assertThat(this.broker.published).isEmpty();
	}

	@Test
	void sendsPendingEventsInOrderInBatchesOfAHundred() throws Exception {
		record(250);
		this.broker.connected = true;

		this.sender.connected();

		assertThat(this.broker.published).hasSize(3);
		assertThat(batch(0).events()).hasSize(100);
		assertThat(batch(2).events()).hasSize(50);
		assertThat(batch(0).events().get(0).postingId()).isEqualTo("p-0");
		assertThat(batch(2).events().get(49).postingId()).isEqualTo("p-249");
		assertThat(batch(0).deviceId()).isEqualTo("lobby-01");
		assertThat(this.broker.topics).containsOnly("sunboard/v1/d/lobby-01/ev");
	}

	@Test
	void eventsLeaveTheJournalOnlyWhenAcknowledged() throws Exception {
		record(3);
		this.broker.connected = true;
		this.sender.flush();
		this.sender.flush();
		assertThat(this.broker.published).hasSize(1);
		assertThat(this.journal.depth()).isEqualTo(3);

		this.sender.acknowledged(ack(batch(0)));

		assertThat(this.journal.depth()).isZero();
	}

	@Test
	void unacknowledgedEventsAreSentAgainAfterTheTimeout() throws Exception {
		record(2);
		this.broker.connected = true;
		this.sender.flush();

		this.clock.advance(Duration.ofSeconds(29));
		this.sender.flush();
		assertThat(this.broker.published).hasSize(1);

		this.clock.advance(Duration.ofSeconds(2));
		this.sender.flush();
		assertThat(this.broker.published).hasSize(2);
		assertThat(batch(1).events()).isEqualTo(batch(0).events());
	}

	@Test
	void eventsInFlightAreSentAgainAfterAReconnect() throws Exception {
		record(2);
		this.broker.connected = true;
		this.sender.flush();

		this.sender.disconnected();
		this.sender.connected();

		assertThat(this.broker.published).hasSize(2);
		assertThat(batch(1).events()).isEqualTo(batch(0).events());
	}

	@Test
	void malformedAckIsIgnored() {
		record(1);
		this.broker.connected = true;
		this.sender.flush();

		this.sender.acknowledged("{".getBytes());

		assertThat(this.journal.depth()).isEqualTo(1);
	}

	/** Records what would have been published. */
	static final class FakeBroker implements BrokerConnection {

		@Override
		public void subscribe(java.util.List<String> topics) {
		}

		volatile boolean connected;

		final List<byte[]> published = new CopyOnWriteArrayList<>();

		final List<String> topics = new CopyOnWriteArrayList<>();

		@Override
		public void start(Listener listener) {
		}

		@Override
		public boolean isConnected() {
			return this.connected;
		}

		@Override
		public boolean publish(String topic, byte[] payload, int qos, boolean retained) {
			if (!this.connected) {
				return false;
			}
			this.topics.add(topic);
			this.published.add(payload);
			return true;
		}

		@Override
		public void close() {
		}

	}

}
