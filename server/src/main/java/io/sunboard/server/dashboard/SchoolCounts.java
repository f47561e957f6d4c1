package io.sunboard.server.dashboard;

/** How many of a school's screens are fine, stale and offline. */
public record SchoolCounts(String schoolId, String schoolName, long fine, long stale, long offline) {

	public long total() {
		return this.fine + this.stale + this.offline;
	}

}
