package io.sunboard.protocol;

/**
 * Identifiers of devices, schools, regions, postings and events. They appear as MQTT
 * topic levels and MQTT usernames, so wildcards, separators and control characters are
 * excluded.
 */
public final class Ids {

	private static final int MAX_LENGTH = 64;

	private Ids() {
	}

	/**
	 * Letters, digits, '-', '_' and '.', 1 to 64 characters, the first a letter or digit.
	 * A loop, not a regular expression: every event of every batch has an id to check.
	 */
	public static boolean isValid(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || !isAlphanumeric(id.charAt(0))) {
			return false;
		}
		for (int i = 1; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!isAlphanumeric(c) && c != '_' && c != '.' && c != '-') {
				return false;
			}
		}
		return true;
	}

	private static boolean isAlphanumeric(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
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
