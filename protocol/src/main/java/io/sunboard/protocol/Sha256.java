package io.sunboard.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Content addresses: lowercase hex SHA-256 of the exact bytes. */
public final class Sha256 {

	private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

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

	public static boolean isValid(String hash) {
		return hash != null && HEX.matcher(hash).matches();
	}

	public static String require(String hash, String what) {
		if (!isValid(hash)) {
			throw new IllegalArgumentException(what + " must be 64 lowercase hex digits (SHA-256); got '" + hash + "'");
		}
		return hash;
	}

}
