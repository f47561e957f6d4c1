package io.sunboard.server.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import io.sunboard.protocol.Sha256;

/**
 * Device secrets: 256 random bits, shown once when a screen is provisioned and stored
 * only as their SHA-256. A fast hash is enough because the secret is random, not a
 * password a person chose.
 */
public final class DeviceSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private DeviceSecrets() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String secret) {
		return Sha256.of(secret.getBytes(StandardCharsets.UTF_8));
	}

	public static boolean matches(String secret, String storedHash) {
		if (secret == null || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
