package io.sunboard.server.posting;

import java.time.Instant;

/** A posting and the hash of its current content document. */
public record Posting(String id, String schoolId, String kind, String title, String body, Instant publicityStart,
		Instant publicityEnd, PostingStatus status, String contentSha256) {

	/**
	 * Whether the posting may be on screens at this instant, going by status and
	 * publicity period.
	 */
	public boolean liveAt(Instant instant) {
		return this.status == PostingStatus.APPROVED && !instant.isBefore(this.publicityStart)
				&& instant.isBefore(this.publicityEnd);
	}

}
