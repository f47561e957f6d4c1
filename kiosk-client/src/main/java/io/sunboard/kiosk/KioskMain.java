package io.sunboard.kiosk;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar kiosk-client-all.jar /etc/sunboard/kiosk.properties}: runs the kiosk
 * until SIGTERM, then closes it gracefully (status {@code offline}, player stopped).
 */
public final class KioskMain {

	/** Exit status for a configuration the operator must fix; systemd shows it. */
	static final int BAD_CONFIGURATION = 2;

	static final int CANNOT_START = 1;

	private KioskMain() {
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("Usage: java -jar kiosk-client-all.jar <kiosk.properties>");
			System.err.println("See device-config/kiosk/README.md for the keys.");
			System.exit(BAD_CONFIGURATION);
			return;
		}
		KioskConfig config;
		try {
			config = KioskConfig.load(Path.of(args[0]));
		}
		catch (KioskConfigException ex) {
			System.err.println("Invalid kiosk configuration: " + ex.getMessage());
			System.exit(BAD_CONFIGURATION);
			return;
		}
		KioskClient client;
		try {
			client = KioskClient.start(config);
		}
		catch (RuntimeException ex) {
			System.err.println("Kiosk " + config.deviceId() + " cannot start: " + ex.getMessage());
			System.exit(CANNOT_START);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			client.close();
			stopped.countDown();
		}, "kiosk-shutdown"));
		try {
			// The client's threads are daemons; main keeps the JVM up until SIGTERM.
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
