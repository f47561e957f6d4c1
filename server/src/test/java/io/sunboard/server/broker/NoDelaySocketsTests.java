package io.sunboard.server.broker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's MQTT sockets send at once: with Nagle's algorithm on, Paho's small writes
 * (PUBACKs, event acks) waited for the broker's delayed TCP acknowledgements.
 */
class NoDelaySocketsTests {

	@Test
	void plainSocketsConnectWithNagleOff() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket unconnected = NoDelaySockets.plain().createSocket()) {
			// the way Paho makes its socket: created unconnected, then connected
			assertThat(unconnected.getTcpNoDelay()).isTrue();
			unconnected.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
			assertThat(unconnected.getTcpNoDelay()).isTrue();
			try (Socket direct = NoDelaySockets.plain()
				.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
				assertThat(direct.getTcpNoDelay()).isTrue();
			}
		}
	}

	@Test
	void tlsSocketsHaveNagleOffAndKeepTheDelegatesCipherSuites() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, null, null);
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket socket = NoDelaySockets.tls(context.getSocketFactory()).createSocket()) {
			assertThat(socket.getTcpNoDelay()).isTrue();
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
		assertThat(NoDelaySockets.tls(context.getSocketFactory()).getSupportedCipherSuites())
			.containsExactly(context.getSocketFactory().getSupportedCipherSuites());
	}

}
