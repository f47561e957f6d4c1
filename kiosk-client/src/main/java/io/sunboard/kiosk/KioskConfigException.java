package io.sunboard.kiosk;

/**
 * A kiosk configuration that cannot be used. The message names the key, what was found
 * and the expected form, so whoever edits the file knows what to change.
 */
public class KioskConfigException extends RuntimeException {

	public KioskConfigException(String message) {
		super(message);
	}

	public KioskConfigException(String message, Throwable cause) {
		super(message, cause);
	}

}
