package io.sunboard.server.dashboard;

/** How many of a school's screens are fine, stale and offline. */
public record SchoolCounts(String schoolId, String schoolName, long fine, long stale, long offline) {

	public long total() {
		return this.fine + this.stale + this.offline;
	}

	SchoolCounts plus(ScreenHealth health, long count) {
		return switch (health) {
			case FINE -> new SchoolCounts(this.schoolId, this.schoolName, this.fine + count, this.stale, this.offline);
			case STALE -> new SchoolCounts(this.schoolId, this.schoolName, this.fine, this.stale + count, this.offline);
			case OFFLINE ->
				new SchoolCounts(this.schoolId, this.schoolName, this.fine, this.stale, this.offline + count);
		};
	}

}
