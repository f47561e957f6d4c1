package io.sunboard.server.posting;

/**
 * Where a posting stands. The walking skeleton has no review yet: postings created
 * through the API are approved at once (the review workflow adds draft and in-review
 * before this).
 */
public enum PostingStatus {

	APPROVED, WITHDRAWN

}
