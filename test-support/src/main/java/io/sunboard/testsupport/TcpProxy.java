package io.sunboard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Forwards TCP from a free 127.0.0.1 port to a target, and can cut the line: a client
 * connected through the proxy sees the network fail while the target keeps running.
 */
public final class TcpProxy implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private static final long STOP_ACCEPTING_TIMEOUT_MILLIS = 5_000;

	private final InetSocketAddress target;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	// Daemon threads, so a test that forgets close() cannot keep the JVM alive.
	private final ExecutorService forwarders = Executors.newCachedThreadPool((task) -> daemon(task, "tcp-proxy"));

	private volatile ServerSocket listener;

	private Thread acceptor;

	private TcpProxy(InetSocketAddress target, ServerSocket listener) {
		this.target = target;
		this.port = listener.getLocalPort();
		startAccepting(listener);
	}

	public static TcpProxy start(String targetHost, int targetPort) {
		return new TcpProxy(new InetSocketAddress(targetHost, targetPort), listen(0));
	}

	public int port() {
		return this.port;
	}

	/**
	 * Closes every connection and refuses new ones, the way an unplugged cable looks to
	 * both ends once they notice.
	 */
	public synchronized void cut() {
		ServerSocket current = this.listener;
		if (current == null) {
			return;
		}
		this.listener = null;
		closeQuietly(current);
		awaitAcceptorEnd();
		this.sockets.forEach(this::drop);
	}

	/** Accepts connections again, on the same port. */
	public synchronized void restore() {
		if (this.listener == null) {
			startAccepting(listen(this.port));
		}
	}

	public boolean isCut() {
		return this.listener == null;
	}

	@Override
	public void close() {
		cut();
		this.forwarders.shutdownNow();
	}

	private void startAccepting(ServerSocket listener) {
		this.listener = listener;
		this.acceptor = daemon(() -> accept(listener), "tcp-proxy-accept-" + this.port);
		this.acceptor.start();
	}

	/**
	 * Closing a listener does not close the socket while a thread is blocked in accept():
	 * until that thread wakes up, the kernel still completes connections. Only once it
	 * has ended is the port really refusing, and free to listen on again.
	 */
	private void awaitAcceptorEnd() {
		try {
			this.acceptor.join(STOP_ACCEPTING_TIMEOUT_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while closing proxy port " + this.port, ex);
		}
		if (this.acceptor.isAlive()) {
			throw new IllegalStateException(
					"proxy port " + this.port + " still accepting " + STOP_ACCEPTING_TIMEOUT_MILLIS + " ms after cut");
		}
	}

	private void accept(ServerSocket listener) {
		while (true) {
			Socket client;
			try {
				client = listener.accept();
			}
			catch (IOException ex) {
				// cut() or close() closed the listener.
				return;
			}
			try {
				this.forwarders.execute(() -> forward(client));
			}
			catch (RejectedExecutionException ex) {
				drop(client);
			}
		}
	}

	private void forward(Socket client) {
		Socket upstream = new Socket();
		if (!track(client) || !track(upstream)) {
			drop(client);
			return;
		}
		try {
			upstream.connect(this.target, CONNECT_TIMEOUT_MILLIS);
			this.forwarders.execute(() -> pump(upstream, client));
		}
		catch (IOException | RejectedExecutionException ex) {
			// The target is down or the proxy is closing: the client sees the line drop.
			drop(client);
			drop(upstream);
			return;
		}
		pump(client, upstream);
	}

	/**
	 * Registers a socket so cut() can close it. A socket registered after cut() began
	 * closing the others is closed here instead, so none slips through.
	 */
	private boolean track(Socket socket) {
		this.sockets.add(socket);
		if (isCut()) {
			drop(socket);
			return false;
		}
		return true;
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// A closed socket on either side ends the connection.
		}
		finally {
			drop(from);
			drop(to);
		}
	}

	private void drop(Socket socket) {
		this.sockets.remove(socket);
		closeQuietly(socket);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing is best effort: the socket is unusable either way.
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	private static ServerSocket listen(int port) {
		try {
			ServerSocket listener = new ServerSocket();
			// Rebinding the same port right after cut() must not wait for TIME_WAIT.
			listener.setReuseAddress(true);
			listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return listener;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not listen on 127.0.0.1:" + port, ex);
		}
	}

}
