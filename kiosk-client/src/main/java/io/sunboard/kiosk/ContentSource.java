package io.sunboard.kiosk;

import java.io.IOException;

/** Where posting documents come from: the server's device API (or a test's stand-in). */
@FunctionalInterface
interface ContentSource {

	/**
	 * The bytes stored under {@code sha256}; unverified, the content store checks them.
	 */
	byte[] fetch(String sha256) throws IOException;

	/**
	 * Brings a large file (an attachment, up to {@code maxBytes}) into the store; the
	 * store verifies it. Sources that can stream override this so a 20 MB PDF never sits
	 * in the heap.
	 */
	default void fetchInto(String sha256, long maxBytes, ContentStore store) throws IOException {
		byte[] bytes = fetch(sha256);
		if (bytes.length > maxBytes) {
			throw new IOException(sha256 + " is larger than " + maxBytes + " bytes; refusing it");
		}
		store.put(sha256, bytes);
	}

}
