package io.sunboard.testsupport.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeepAliveHttpTests {

	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : this.closing) {
			c.close();
		}
	}

	@Test
	void readsStatusAndBodyAndSendsTheTokenOverOneConnection() throws Exception {
		List<String> tokens = new ArrayList<>();
		List<Integer> clientPorts = new ArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/doc/", (exchange) -> {
			synchronized (tokens) {
				tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
				clientPorts.add(exchange.getRemoteAddress().getPort());
			}
			byte[] body = exchange.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8);
			int status = exchange.getRequestURI().getPath().endsWith("missing") ? 404 : 200;
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		ExecutorService executor = Executors.newSingleThreadExecutor();
		server.setExecutor(executor);
		server.start();
		this.closing.add(() -> {
			server.stop(0);
			executor.shutdownNow();
		});
		KeepAliveHttp http = new KeepAliveHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 5_000);
		this.closing.add(http);

		for (int i = 0; i < 5; i++) {
			KeepAliveHttp.Response response = http.get("/doc/" + i, "Bearer s1:secret");
			assertThat(response.status()).isEqualTo(200);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("/doc/" + i);
		}
		KeepAliveHttp.Response missing = http.get("/doc/missing", "Bearer s1:secret");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(tokens).hasSize(6).containsOnly("Bearer s1:secret");
		assertThat(clientPorts).as("one connection for all six").containsOnly(clientPorts.get(0));
	}

	@Test
	void aConnectionTheServerClosedIsReplacedOnceAndAMalformedAnswerIsAnError() throws Exception {
		// answers each connection's first request, then closes it without saying so
		// (as an idle timeout does); the path "bad" gets a chunked answer
		ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		AtomicInteger accepted = new AtomicInteger();
		Thread acceptor = new Thread(() -> {
			while (!socket.isClosed()) {
				try (Socket s = socket.accept()) {
					accepted.incrementAndGet();
					String request = requestLine(s.getInputStream());
					OutputStream out = s.getOutputStream();
					if (request.contains("/bad")) {
						out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
							.getBytes(StandardCharsets.ISO_8859_1));
					}
					else {
						out.write(
								"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
					}
					out.flush();
				}
				catch (IOException ex) {
					// closed by the test
				}
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		this.closing.add(socket);
		KeepAliveHttp http = new KeepAliveHttp(URI.create("http://127.0.0.1:" + socket.getLocalPort()), 5_000);
		this.closing.add(http);

		assertThat(http.get("/a", "Bearer x").body()).asString(StandardCharsets.US_ASCII).isEqualTo("ok");
		assertThat(http.get("/b", "Bearer x").body()).asString(StandardCharsets.US_ASCII).isEqualTo("ok");
		assertThat(accepted.get()).isEqualTo(2);
		assertThatThrownBy(() -> http.get("/bad", "Bearer x")).isInstanceOf(IOException.class)
			.hasMessageContaining("chunked");
	}

	@Test
	void onlyPlainHttpBasesAreTaken() {
		assertThatThrownBy(() -> new KeepAliveHttp(URI.create("https://example.org"), 1000))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static String requestLine(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.append((char) b);
		}
		return head.toString();
	}

}
