package io.sunboard.server.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Topics;
import io.sunboard.server.broker.MqttMessageReceived;
import io.sunboard.server.broker.MqttMessagesReceived;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bunch of inbound messages: event batches go to storage together, a device's status or
 * heartbeat only after its own events that came before it, and neither a refused batch
 * nor a failed store stops the messages behind them.
 */
class InboundRouterTests {

	private final Topics topics = Topics.defaults();

	private final List<String> calls = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private boolean storageDown;

	private final InboundRouter router = new InboundRouter(this.topics, new RecordingEvents(), new RecordingStatus(),
			new IngestMetrics(this.registry, null));

	@Test
	void eventBatchesAndHeartbeatsGoTogetherAndADevicesMessageWaitsForItsEarlierOnes() {
		this.router.onMessages(new MqttMessagesReceived(List.of(events("a"), events("b"), heartbeat("c"), events("c"),
				heartbeat("d"), status("a"), events("a"), heartbeat("b"), status("d"))));

		// c's events come after c's heartbeat, so the heartbeats collected until then are
		// recorded first; a's status comes after a's events, so the events collected
		// until then are stored first; d's status waits for d's heartbeat; b's heartbeat
		// has no events of b before it any more
		assertThat(this.calls).containsExactly("hbs [c]", "events [a, b, c]", "status a", "hbs [d, b]", "status d",
				"events [a]");
	}

	@Test
	void refusedBatchesAreCountedAndAFailedStoreDoesNotStopTheMessagesBehindIt() {
		this.router.onMessages(new MqttMessagesReceived(
				List.of(events("bad"), events("a"), new MqttMessageReceived("elsewhere/x", new byte[0]))));
		this.router.onMessages(new MqttMessagesReceived(List.of(heartbeat("bad"), heartbeat("a"))));
		this.storageDown = true;
		this.router
			.onMessages(new MqttMessagesReceived(List.of(events("a"), status("a"), heartbeat("b"), status("c"))));

		assertThat(this.calls).containsExactly("events [bad, a]", "hbs [bad, a]", "events [a]", "status a", "status c",
				"hbs [b]");
		assertThat(rejected("ev", MalformedMessageException.Reason.UNKNOWN_DEVICE)).isEqualTo(1);
		assertThat(rejected("hb", MalformedMessageException.Reason.IDENTITY_MISMATCH)).isEqualTo(1);
		assertThat(rejected("unknown", MalformedMessageException.Reason.UNKNOWN_TOPIC)).isEqualTo(1);
	}

	private double rejected(String channel, MalformedMessageException.Reason reason) {
		return this.registry.counter(IngestMetrics.REJECTED, "channel", channel, "reason", reason.label()).count();
	}

	private MqttMessageReceived events(String device) {
		return new MqttMessageReceived(this.topics.events(device), device.getBytes(StandardCharsets.UTF_8));
	}

	private MqttMessageReceived status(String device) {
		return new MqttMessageReceived(this.topics.status(device), new byte[0]);
	}

	private MqttMessageReceived heartbeat(String device) {
		return new MqttMessageReceived(this.topics.heartbeat(device), new byte[0]);
	}

	/** Records each call; refuses the device "bad"; throws when storage is down. */
	private final class RecordingEvents extends EventIngest {

		RecordingEvents() {
			super(null, null, null, null, null, null, null, null);
		}

		@Override
		List<RefusedMessage> acceptAll(List<DeviceMessage> messages) {
			InboundRouterTests.this.calls.add("events " + messages.stream().map(DeviceMessage::deviceId).toList());
			if (InboundRouterTests.this.storageDown) {
				throw new IllegalStateException("database away");
			}
			return messages.stream()
				.filter((m) -> m.deviceId().equals("bad"))
				.map((m) -> new RefusedMessage(m,
						new MalformedMessageException(MalformedMessageException.Reason.UNKNOWN_DEVICE, "bad")))
				.toList();
		}

	}

	private final class RecordingStatus extends StatusIngest {

		RecordingStatus() {
			super(null, null, null, null, null);
		}

		@Override
		void acceptStatus(String topicDeviceId, byte[] payload) {
			InboundRouterTests.this.calls.add("status " + topicDeviceId);
		}

		@Override
		List<RefusedMessage> acceptHeartbeats(List<DeviceMessage> messages) {
			InboundRouterTests.this.calls.add("hbs " + messages.stream().map(DeviceMessage::deviceId).toList());
			if (InboundRouterTests.this.storageDown) {
				throw new IllegalStateException("database away");
			}
			return messages.stream()
				.filter((m) -> m.deviceId().equals("bad"))
				.map((m) -> new RefusedMessage(m,
						new MalformedMessageException(MalformedMessageException.Reason.IDENTITY_MISMATCH, "bad")))
				.toList();
		}

	}

}
