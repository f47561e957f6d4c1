package io.sunboard.server.posting;

import java.time.Instant;

/**
 * A posting and the hash of its current content document.
 *
 * @param attribute the disclosure attribute set in review; null before approval (and for
 * postings approved before the review workflow, which were public)
 */
public record Posting(String id, String schoolId, String kind, String title, String body, Instant publicityStart,
		Instant publicityEnd, PostingStatus status, String contentSha256, DisclosureAttribute attribute) {

	public Posting(String id, String schoolId, String kind, String title, String body, Instant publicityStart,
			Instant publicityEnd, PostingStatus status, String contentSha256) {
		this(id, schoolId, kind, title, body, publicityStart, publicityEnd, status, contentSha256, null);
	}

	/**
	 * Whether the posting may be on screens at this instant, going by status and
	 * publicity period.
	 */
	public boolean liveAt(Instant instant) {
		return this.status == PostingStatus.APPROVED && !instant.isBefore(this.publicityStart)
				&& instant.isBefore(this.publicityEnd);
	}

	/**
	 * Whether the posting was published and its publicity period is over: it is off every
	 * screen and public page, and staff find it among the archived postings.
	 */
	public boolean archivedAt(Instant instant) {
		return this.status == PostingStatus.APPROVED && !instant.isBefore(this.publicityEnd);
	}

	/**
	 * Whether anyone may read it on the public pages at this instant: approved, within
	 * its publicity period, and proactively disclosed (postings approved before the
	 * review workflow recorded an attribute were public, as on screens).
	 */
	public boolean publicAt(Instant instant) {
		return liveAt(instant) && (this.attribute == null || this.attribute == DisclosureAttribute.PROACTIVE);
	}

	/**
	 * Which screens may show it: public ones, staff-only ones, or none (see
	 * {@link DisclosureAttribute}).
	 */
	public Audience audience() {
		if (this.attribute == null || this.attribute == DisclosureAttribute.PROACTIVE) {
			return Audience.EVERY_SCREEN;
		}
		return (this.attribute == DisclosureAttribute.INTERNAL) ? Audience.STAFF_SCREENS : Audience.NO_SCREEN;
	}

	/** Who may see a posting on a screen. */
	public enum Audience {

		/** Proactive disclosure: public and staff screens. */
		EVERY_SCREEN,
		/** Internal disclosure: only screens in staff rooms. */
		STAFF_SCREENS,
		/** On request or not disclosed: never on a screen. */
		NO_SCREEN

	}

}
