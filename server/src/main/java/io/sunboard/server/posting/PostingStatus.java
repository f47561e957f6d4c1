package io.sunboard.server.posting;

/**
 * Where a posting stands in review. Scheduled, live and expired follow from its schedule
 * and publicity period, so they are computed, not stored.
 */
public enum PostingStatus {

	/** Being written; only its school's editors see it. */
	DRAFT,
	/** Submitted for confidentiality review. */
	IN_REVIEW,
	/** Approved: may be scheduled onto screens. */
	APPROVED,
	/** Sent back by the reviewer with a reason; editing makes it a draft again. */
	REJECTED,
	/** Taken off every screen; kept on record. */
	WITHDRAWN

}
