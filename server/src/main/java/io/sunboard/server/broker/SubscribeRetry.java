package io.sunboard.server.broker;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Subscribing on a fresh connection, again until it holds. A server that is connected but
 * not subscribed hears nothing from any screen, and Paho does not retry a subscription: a
 * broker restarted under load once left the server's SUBSCRIBE unanswered for 10 s
 * ({@code KioskFaultsIT}), and the server stayed deaf until it was restarted itself.
 */
final class SubscribeRetry {

	static final long FIRST_DELAY_MS = 1_000;

	static final long MAX_DELAY_MS = 30_000;

	/** One subscription attempt; throws if it did not hold. */
	@FunctionalInterface
	interface Attempt {

		void run() throws MqttException;

	}

	/** Waits between attempts. */
	@FunctionalInterface
	interface Pause {

		void sleep(long millis) throws InterruptedException;

	}

	private SubscribeRetry() {
	}

	/**
	 * Tries until an attempt holds (true), or until {@code current} turns false: the
	 * connection was lost (the next one subscribes for itself) or the server stops.
	 * {@code failed} hears each failure and the delay before the next attempt.
	 */
	static boolean untilHeld(Attempt attempt, BooleanSupplier current, Pause pause,
			BiConsumer<MqttException, Long> failed) {
		long delay = FIRST_DELAY_MS;
		while (current.getAsBoolean()) {
			try {
				attempt.run();
				return true;
			}
			catch (MqttException ex) {
				failed.accept(ex, delay);
				try {
					pause.sleep(delay);
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return false;
				}
				delay = Math.min(delay * 2, MAX_DELAY_MS);
			}
		}
		return false;
	}

	/**
	 * Throws if the broker refused any of {@code filters}: a SUBACK reason code of 0x80
	 * or more (not authorised, shared subscriptions not supported …), which Paho reports
	 * as a completed token.
	 */
	static void requireGranted(int[] reasonCodes, List<String> filters) throws MqttException {
		for (int i = 0; i < reasonCodes.length; i++) {
			if (reasonCodes[i] >= 0x80) {
				String filter = (i < filters.size()) ? filters.get(i) : "filter " + i;
				throw new MqttException(reasonCodes[i],
						new IllegalStateException(
								"the broker refused the subscription to " + filter + " (reason code 0x"
										+ Integer.toHexString(reasonCodes[i]) + "); check the server account's ACL"));
			}
		}
	}

}
