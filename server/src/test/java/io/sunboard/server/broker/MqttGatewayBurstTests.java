package io.sunboard.server.broker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a broker: the gateway is never started, so what it publishes goes nowhere. */
class MqttGatewayBurstTests {

	private final MqttGateway gateway = new MqttGateway(URI.create("tcp://127.0.0.1:1"),
			new ServerAccount("sunboard-server", "unused"), Topics.defaults(), (event) -> {
			});

	@Test
	void aBurstHoldsBackOnceItHasPublishedAHundredAndUntilItsWorkEnds() {
		List<Boolean> during = new ArrayList<>();
		assertThat(this.gateway.outboundBurst()).isFalse();

		this.gateway.burst(() -> {
			publish(MqttGateway.BURST_SIZE - 1);
			during.add(this.gateway.outboundBurst());
			publish(1);
			during.add(this.gateway.outboundBurst());
			this.gateway.burst(() -> during.add(this.gateway.outboundBurst()));
			during.add(this.gateway.outboundBurst());
		});

		assertThat(during).containsExactly(false, true, true, true);
		assertThat(this.gateway.outboundBurst()).as("no client, so nothing awaits the broker").isFalse();
		assertThat(this.gateway.heldBursts()).as("the nested one is part of it").isEqualTo(1);
	}

	@Test
	void aDispatchThatPublishesLittleHoldsNothingBack() {
		List<Boolean> during = new ArrayList<>();

		this.gateway.burst(() -> {
			publish(3);
			during.add(this.gateway.outboundBurst());
		});
		this.gateway.burst(() -> during.add(this.gateway.outboundBurst()));

		assertThat(during).containsExactly(false, false);
		assertThat(this.gateway.heldBursts()).isZero();
	}

	@Test
	void aFailingBurstEndsToo() {
		assertThatThrownBy(() -> this.gateway.burst(() -> {
			publish(MqttGateway.BURST_SIZE);
			throw new IllegalStateException("database away");
		})).hasMessage("database away");

		assertThat(this.gateway.outboundBurst()).isFalse();
	}

	private void publish(int count) {
		for (int i = 0; i < count; i++) {
			this.gateway.publish("sunboard/v1/d/lobby-" + i + "/manifest", new byte[] { '{', '}' }, 1, true);
		}
	}

}
