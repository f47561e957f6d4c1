package io.sunboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on 127.0.0.1. Standard ports (1883, 5432, ...) may belong to services
 * already running on the machine, so tests always ask for a free one.
 */
public final class FreePorts {

	private FreePorts() {
	}

	/**
	 * A port that was free on 127.0.0.1 a moment ago. Another process may still take it
	 * before the caller binds it; on a test machine that is rare enough to accept.
	 */
	public static int find() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free TCP port on 127.0.0.1", ex);
		}
	}

}
