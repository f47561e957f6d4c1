package io.sunboard.server.compliance;

import java.time.Instant;
import java.time.LocalDate;

import io.sunboard.server.posting.DisclosureAttribute;
import io.sunboard.server.posting.PostingStatus;

/**
 * A posting with the dates compliance is judged by.
 *
 * @param attribute null for postings approved before the review workflow (they were
 * public)
 * @param firstApprovedAt first approval; null if never approved
 * @param lastApprovedAt the approval of the current version
 * @param informationFormedOn when the information was formed or changed; null if not
 * recorded
 * @param withdrawnAt when it was withdrawn; null unless it is
 */
public record DisclosedPosting(String id, String schoolId, String kind, String title, PostingStatus status,
		DisclosureAttribute attribute, Instant publicityStart, Instant publicityEnd, Instant firstApprovedAt,
		Instant lastApprovedAt, LocalDate informationFormedOn, Instant withdrawnAt) {

	/**
	 * Whether it stayed public until its publicity period ended: not withdrawn, or
	 * withdrawn only once the period was over.
	 */
	public boolean publicityHonoured() {
		return this.withdrawnAt == null || !this.withdrawnAt.isBefore(this.publicityEnd);
	}

	/** Whether it was ever approved for disclosure (withdrawn ones included). */
	public boolean published() {
		return this.firstApprovedAt != null || this.status == PostingStatus.APPROVED;
	}

	public boolean proactive() {
		return this.attribute == null || this.attribute == DisclosureAttribute.PROACTIVE;
	}

	/**
	 * When it first became public: approved and its publicity period begun; null if never
	 * published.
	 */
	public Instant publishedAt() {
		return at(this.firstApprovedAt);
	}

	/** When the current version became public. */
	public Instant currentVersionPublishedAt() {
		return at((this.lastApprovedAt != null) ? this.lastApprovedAt : this.firstApprovedAt);
	}

	private Instant at(Instant approved) {
		if (!published()) {
			return null;
		}
		if (approved == null) {
			return this.publicityStart;
		}
		return approved.isAfter(this.publicityStart) ? approved : this.publicityStart;
	}

}
