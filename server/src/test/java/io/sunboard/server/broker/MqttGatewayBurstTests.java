package io.sunboard.server.broker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttGatewayBurstTests {

	private final MqttGateway gateway = new MqttGateway(URI.create("tcp://127.0.0.1:1"),
			new ServerAccount("sunboard-server", "unused"), Topics.defaults(), (event) -> {
			});

	@Test
	void aBurstLastsWhileItsWorkRunsAndEndsWithNothingInFlight() {
		List<Boolean> during = new ArrayList<>();
		assertThat(this.gateway.outboundBurst()).isFalse();

		this.gateway.burst(() -> {
			during.add(this.gateway.outboundBurst());
			this.gateway.burst(() -> during.add(this.gateway.outboundBurst()));
			during.add(this.gateway.outboundBurst());
		});

		assertThat(during).containsExactly(true, true, true);
		assertThat(this.gateway.outboundBurst()).as("no client, so nothing awaits the broker").isFalse();
	}

	@Test
	void aFailingBurstEndsToo() {
		assertThatThrownBy(() -> this.gateway.burst(() -> {
			throw new IllegalStateException("database away");
		})).hasMessage("database away");

		assertThat(this.gateway.outboundBurst()).isFalse();
	}

}
