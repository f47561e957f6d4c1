package io.sunboard.server.attachment;

import java.util.Optional;

/**
 * Tells a file's type from its first bytes (its "magic number"), never from its name or
 * the type the uploader claimed: a program renamed {@code .pdf} is still a program.
 */
final class FileTypes {

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private FileTypes() {
	}

	/**
	 * {@code application/pdf}, {@code image/png} or {@code image/jpeg}; empty otherwise.
	 */
	static Optional<String> mediaType(byte[] bytes) {
		if (startsWith(bytes, PDF)) {
			return Optional.of("application/pdf");
		}
		if (startsWith(bytes, PNG)) {
			return Optional.of("image/png");
		}
		if (startsWith(bytes, JPEG)) {
			return Optional.of("image/jpeg");
		}
		return Optional.empty();
	}

	/** A few words on what the bytes look like, for the refusal message. */
	static String describe(byte[] bytes) {
		if (bytes.length >= 2 && bytes[0] == 'M' && bytes[1] == 'Z') {
			return "a Windows program";
		}
		if (bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') {
			return "a Linux program";
		}
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return "a ZIP archive (or a Word/Excel file)";
		}
		return "not a PDF, PNG or JPEG file";
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
