package io.sunboard.protocol;

import java.util.Set;

/**
 * A file attached to a posting (the approval document as PDF, a photo), listed in the
 * posting's content document and fetched by screens like any content: by its SHA-256,
 * over HTTP, with the device's token. The media type is the one the server found by
 * reading the file's first bytes, never the one the uploader claimed.
 */
public record Attachment(String name, String mediaType, String sha256, long size) {

	/** What the server accepts, each checked against the file's magic bytes. */
	public static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

	public static final long MAX_SIZE = 20L * 1024 * 1024;

	public static final int MAX_PER_POSTING = 20;

	public Attachment {
		Checks.text(name, "attachment name", 200);
		Checks.present(mediaType, "attachment mediaType");
		if (!MEDIA_TYPES.contains(mediaType)) {
			throw new IllegalArgumentException(
					"attachment mediaType must be one of " + MEDIA_TYPES + "; got " + mediaType);
		}
		Sha256.require(sha256, "attachment sha256");
		if (size <= 0 || size > MAX_SIZE) {
			throw new IllegalArgumentException(
					"attachment size must be between 1 and " + MAX_SIZE + " bytes; got " + size);
		}
	}

	/** Whether a screen should show it inline rather than as a document to open. */
	public boolean isImage() {
		return this.mediaType.startsWith("image/");
	}

}
