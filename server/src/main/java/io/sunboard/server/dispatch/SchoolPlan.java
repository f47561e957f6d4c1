package io.sunboard.server.dispatch;

import java.util.List;

import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.schedule.ScheduleEntry;
import io.sunboard.server.school.School;

/**
 * A school's schedule expanded once into windows; each screen's items are picked from it.
 *
 * @param shared the items every screen of the school gets, when no entry targets single
 * screens or tag groups; null otherwise
 */
public record SchoolPlan(School school, List<Expanded> entries, List<ManifestItem> shared) {

	/** One entry, its posting and its windows over the horizon (never empty). */
	public record Expanded(ScheduleEntry entry, Posting posting, List<TimeWindow> windows) {
	}

}
