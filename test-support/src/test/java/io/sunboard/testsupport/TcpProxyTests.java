package io.sunboard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Timeout(30)
class TcpProxyTests {

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private ServerSocket echo;

	private TcpProxy proxy;

	@BeforeEach
	void startEchoServerBehindProxy() throws IOException {
		this.echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.threads.execute(this::echo);
		this.proxy = TcpProxy.start("127.0.0.1", this.echo.getLocalPort());
	}

	@AfterEach
	void stop() throws IOException {
		this.proxy.close();
		this.echo.close();
		this.threads.shutdownNow();
	}

	@Test
	void forwardsBothWays() throws IOException {
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
			assertThat(roundTrip(socket, "again")).isEqualTo("again");
		}
	}

	@Test
	void cutClosesConnectionsAndRefusesNewOnes() throws IOException {
		try (Socket socket = connect()) {
			roundTrip(socket, "hello");

			this.proxy.cut();

			assertThat(this.proxy.isCut()).isTrue();
			assertThat(readOrEnd(socket.getInputStream())).isEqualTo(-1);
			assertThatExceptionOfType(ConnectException.class).isThrownBy(this::connect);
		}
	}

	@Test
	void restoreAcceptsAgainOnTheSamePort() throws IOException {
		int port = this.proxy.port();
		this.proxy.cut();

		this.proxy.restore();

		assertThat(this.proxy.port()).isEqualTo(port);
		try (Socket socket = connect()) {
			assertThat(roundTrip(socket, "back")).isEqualTo("back");
		}
	}

	private Socket connect() throws IOException {
		return new Socket(InetAddress.getLoopbackAddress(), this.proxy.port());
	}

	private static String roundTrip(Socket socket, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		socket.getOutputStream().write(bytes);
		return new String(socket.getInputStream().readNBytes(bytes.length), StandardCharsets.US_ASCII);
	}

	/** -1 for an orderly end, also when the proxy's close arrives as a reset. */
	private static int readOrEnd(InputStream in) {
		try {
			return in.read();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private void echo() {
		while (!this.echo.isClosed()) {
			try {
				Socket socket = this.echo.accept();
				this.threads.execute(() -> {
					try (socket;
							InputStream in = socket.getInputStream();
							OutputStream out = socket.getOutputStream()) {
						in.transferTo(out);
					}
					catch (IOException ex) {
						// The proxy closed the connection.
					}
				});
			}
			catch (IOException ex) {
				return;
			}
		}
	}

}
