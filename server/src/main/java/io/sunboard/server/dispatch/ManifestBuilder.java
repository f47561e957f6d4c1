package io.sunboard.server.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.Sha256;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.schedule.ScheduleEntry;
import io.sunboard.server.school.School;

/**
 * Turns a school's schedule into manifest items: one item per posting, its windows being
 * the schedule windows cut to the publicity period and to the future. Pure and
 * deterministic, so equal inputs give equal bytes and an equal hash.
 */
@Component
public class ManifestBuilder {

	private final JsonCodec codec;

	ManifestBuilder(JsonCodec codec) {
		this.codec = codec;
	}

	public List<ManifestItem> items(List<ScheduleEntry> entries, Map<String, Posting> postings, Instant now) {
		Map<String, List<ScheduleEntry>> byPosting = new LinkedHashMap<>();
		entries.stream()
			.sorted(Comparator.comparing(ScheduleEntry::postingId).thenComparing(ScheduleEntry::startsAt))
			.forEach((e) -> byPosting.computeIfAbsent(e.postingId(), (k) -> new ArrayList<>()).add(e));
		List<ManifestItem> items = new ArrayList<>();
		byPosting.forEach((postingId, list) -> {
			Posting posting = postings.get(postingId);
			if (posting == null || posting.status() != PostingStatus.APPROVED) {
				return;
			}
			List<TimeWindow> windows = windows(list, posting, now);
			if (!windows.isEmpty()) {
				ScheduleEntry first = list.get(0);
				int priority = list.stream().mapToInt(ScheduleEntry::priority).max().orElse(0);
				items.add(new ManifestItem(postingId, posting.title(), posting.kind(), posting.contentSha256(),
						first.durationSeconds(), priority, windows));
			}
		});
		items.sort(Comparator.comparingInt(ManifestItem::priority).reversed().thenComparing(ManifestItem::postingId));
		return items;
	}

	/** The hash that decides whether a device's manifest must be republished. */
	public String contentHash(String deviceId, School school, List<ManifestItem> items) {
		return Sha256.of(this.codec.encode(new HashedPart(deviceId, school.id(), school.name(), items)));
	}

	private static List<TimeWindow> windows(List<ScheduleEntry> entries, Posting posting, Instant now) {
		List<TimeWindow> windows = new ArrayList<>();
		for (ScheduleEntry e : entries) {
			Instant start = max(e.startsAt(), posting.publicityStart());
			Instant end = min(e.endsAt(), posting.publicityEnd());
			if (end.isAfter(start) && end.isAfter(now)) {
				windows.add(new TimeWindow(start, end));
			}
		}
		return windows;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private record HashedPart(String deviceId, String schoolId, String schoolName, List<ManifestItem> items) {

	}

}
