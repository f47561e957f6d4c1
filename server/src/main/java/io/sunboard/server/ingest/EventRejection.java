package io.sunboard.server.ingest;

/**
 * Why one event of an otherwise acceptable batch was refused. Refused events are counted
 * (tag {@code reason}) and acknowledged all the same: resending them could never succeed,
 * and the screen's journal must not fill up with them.
 */
enum EventRejection {

	/** Claims a time beyond the server's clock plus the allowed skew. */
	FUTURE_TIMESTAMP("future_timestamp"),
	/** Older than the retention period: it would be purged at once. */
	TOO_OLD("too_old"),
	/** A showing, interaction or rating of a posting the server does not know. */
	UNKNOWN_POSTING("unknown_posting");

	private final String label;

	EventRejection(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
