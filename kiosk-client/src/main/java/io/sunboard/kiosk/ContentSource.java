package io.sunboard.kiosk;

import java.io.IOException;

/** Where posting documents come from: the server's device API (or a test's stand-in). */
@FunctionalInterface
interface ContentSource {

	/**
	 * The bytes stored under {@code sha256}; unverified, the content store checks them.
	 */
	byte[] fetch(String sha256) throws IOException;

}
