package io.sunboard.server.system;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import io.sunboard.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTests {

	@Test
	void takenPortIsNamedWithTheSettingThatChoosesAnother() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
			MockEnvironment env = new MockEnvironment().withProperty("server.port", "" + FreePorts.find())
				.withProperty("sunboard.broker.embedded.port", "" + taken.getLocalPort());

			assertThat(PortCheck.problems(env)).singleElement()
				.asString()
				.contains("Port " + taken.getLocalPort())
				.contains("MQTT")
				.contains("--sunboard.broker.embedded.port=<port>");
		}
	}

	@Test
	void freePortsPass() {
		MockEnvironment env = new MockEnvironment().withProperty("server.port", "" + FreePorts.find())
			.withProperty("sunboard.broker.embedded.port", "" + FreePorts.find());

		assertThat(PortCheck.problems(env)).isEmpty();
	}

}
