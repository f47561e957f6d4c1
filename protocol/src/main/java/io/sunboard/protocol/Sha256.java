package io.sunboard.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content addresses: lowercase hex SHA-256 of the exact bytes. */
public final class Sha256 {

	private Sha256() {
	}

	public static String of(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * 64 lowercase hex digits. A loop rather than a regular expression: every manifest
	 * item and every content download checks one, and the matcher was a tenth of the
	 * simulated screens' manifest handling in a profile (docs/scaling.md).
	 */
	public static boolean isValid(String hash) {
		if (hash == null || hash.length() != 64) {
			return false;
		}
		for (int i = 0; i < 64; i++) {
			char c = hash.charAt(i);
			if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
				return false;
			}
		}
		return true;
	}

	public static String require(String hash, String what) {
		if (!isValid(hash)) {
			throw new IllegalArgumentException(what + " must be 64 lowercase hex digits (SHA-256); got '" + hash + "'");
		}
		return hash;
	}

}
