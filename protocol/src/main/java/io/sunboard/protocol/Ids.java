package io.sunboard.protocol;

import java.util.regex.Pattern;

/**
 * Identifiers of devices, schools, regions, postings and events. They appear as MQTT
 * topic levels and MQTT usernames, so wildcards, separators and control characters are
 * excluded.
 */
public final class Ids {

	/** Letters, digits, '-', '_' and '.', 1 to 64 characters. */
	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

	private Ids() {
	}

	public static boolean isValid(String id) {
		return id != null && VALID.matcher(id).matches();
	}

	public static String require(String id, String what) {
		if (!isValid(id)) {
			throw new IllegalArgumentException(
					what + " must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit; got '" + id
							+ "'");
		}
		return id;
	}

}
