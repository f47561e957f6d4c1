package io.sunboard.server.dashboard;

/**
 * What one browser looks at: a page of screens, optionally of one school and one health.
 *
 * @param schoolId null for every school in the viewer's scope
 * @param health null for every health
 * @param page zero-based
 */
public record DashboardView(String schoolId, ScreenHealth health, int page, int size) {

	/** Upper bound on page numbers, so a crafted request cannot ask for a huge offset. */
	static final int MAX_PAGE = 100_000;

	public DashboardView {
		if (page < 0 || page > MAX_PAGE) {
			throw new IllegalArgumentException("page must be 0-" + MAX_PAGE + "; got " + page);
		}
		if (size < 1) {
			throw new IllegalArgumentException("size must be 1 or more; got " + size);
		}
		if (schoolId != null && schoolId.isBlank()) {
			schoolId = null;
		}
	}

	static DashboardView first(int size) {
		return new DashboardView(null, null, 0, size);
	}

}
