package io.sunboard.testsupport.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 GETs over persistent connections, one per calling thread: the simulated
 * screens' content downloads. {@code java.net.http.HttpClient} cost the fan-out bench a
 * quarter of its JVM's CPU (selector thread, futures, header maps), CPU that in the field
 * sits on ten thousand separate devices but here competes with the server on the same two
 * cores (docs/scaling.md). Reads responses with a {@code Content-Length} only, which is
 * what the server sends for content documents and their refusals.
 */
final class KeepAliveHttp implements AutoCloseable {

	/** A longer body is not a content document: refused rather than buffered. */
	static final int MAX_BODY = 16 * 1024 * 1024;

	private final String host;

	private final int port;

	private final int timeoutMs;

	private final ThreadLocal<Connection> connections = new ThreadLocal<>();

	private final List<Connection> open = new ArrayList<>();

	record Response(int status, byte[] body) {

	}

	KeepAliveHttp(URI base, int timeoutMs) {
		if (!"http".equals(base.getScheme()) || base.getHost() == null) {
			throw new IllegalArgumentException("need an http://host:port base, not " + base);
		}
		this.host = base.getHost();
		this.port = (base.getPort() > 0) ? base.getPort() : 80;
		this.timeoutMs = timeoutMs;
	}

	/**
	 * GETs {@code path}. A connection the server closed while it sat idle is replaced
	 * once; any other failure is thrown.
	 */
	Response get(String path, String authorization) throws IOException {
		Connection connection = this.connections.get();
		boolean reused = connection != null;
		if (!reused) {
			connection = connect();
		}
		try {
			return exchange(connection, path, authorization);
		}
		catch (IOException ex) {
			drop(connection);
			if (!reused) {
				throw ex;
			}
			return exchange(connect(), path, authorization);
		}
	}

	private Response exchange(Connection connection, String path, String authorization) throws IOException {
		String request = "GET " + path + " HTTP/1.1\r\nHost: " + this.host + ":" + this.port + "\r\nAuthorization: "
				+ authorization + "\r\nAccept: */*\r\n\r\n";
		connection.out.write(request.getBytes(StandardCharsets.ISO_8859_1));
		connection.out.flush();
		String statusLine = line(connection.in);
		if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
			throw new IOException("not an HTTP/1.1 status line: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		int length = -1;
		boolean close = false;
		for (String header = line(connection.in); !header.isEmpty(); header = line(connection.in)) {
			int colon = header.indexOf(':');
			if (colon <= 0) {
				throw new IOException("malformed header line: " + header);
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			if (name.equals("content-length")) {
				length = Integer.parseInt(value);
			}
			else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
				close = true;
			}
			else if (name.equals("transfer-encoding")) {
				throw new IOException("chunked responses are not read here (" + path + ")");
			}
		}
		if (length < 0 || length > MAX_BODY) {
			throw new IOException("need a Content-Length up to " + MAX_BODY + " for " + path + ", got " + length);
		}
		byte[] body = connection.in.readNBytes(length);
		if (body.length != length) {
			throw new IOException("connection closed after " + body.length + " of " + length + " bytes");
		}
		if (close) {
			drop(connection);
		}
		return new Response(status, body);
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(64);
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("connection closed by the server");
			}
			if (b != '\r') {
				line.write(b);
			}
			if (line.size() > 8192) {
				throw new IOException("header line over 8 KiB");
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private Connection connect() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(this.host, this.port), this.timeoutMs);
		socket.setSoTimeout(this.timeoutMs);
		Connection connection = new Connection(socket, new BufferedInputStream(socket.getInputStream(), 16 * 1024),
				socket.getOutputStream());
		this.connections.set(connection);
		synchronized (this.open) {
			this.open.add(connection);
		}
		return connection;
	}

	private void drop(Connection connection) {
		this.connections.remove();
		synchronized (this.open) {
			this.open.remove(connection);
		}
		connection.close();
	}

	@Override
	public void close() {
		synchronized (this.open) {
			this.open.forEach(Connection::close);
			this.open.clear();
		}
	}

	private record Connection(Socket socket, InputStream in, OutputStream out) {

		void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
