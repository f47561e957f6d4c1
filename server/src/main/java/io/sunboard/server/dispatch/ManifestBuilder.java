package io.sunboard.server.dispatch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.ManifestWriter;
import io.sunboard.protocol.Sha256;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.schedule.ScheduleEntry;
import io.sunboard.server.schedule.ScheduleSettings;
import io.sunboard.server.schedule.TargetType;
import io.sunboard.server.schedule.WindowExpander;
import io.sunboard.server.school.School;

/**
 * Turns a school's schedule into each screen's manifest items: one item per posting, its
 * windows being the expanded schedule windows cut to the publicity period and the
 * horizon. Pure and deterministic, so equal inputs give equal bytes and an equal hash.
 * <p>
 * The horizon runs from the start of the school's local day to {@code horizon} plus one
 * day after it, so within a day the manifests change only when the schedule does; the
 * roll-forward after local midnight extends them by a day.
 */
@Component
public class ManifestBuilder {

	private static final Comparator<ScheduleEntry> FIRST_ENTRY = Comparator.comparingInt(ScheduleEntry::order)
		.thenComparing(ScheduleEntry::startsAt)
		.thenComparing(ScheduleEntry::id);

	private static final Comparator<ManifestItem> PLAY_ORDER = Comparator.comparingInt(ManifestItem::priority)
		.reversed();

	private final JsonCodec codec;

	private final ScheduleSettings settings;

	public ManifestBuilder(JsonCodec codec, ScheduleSettings settings) {
		this.codec = codec;
		this.settings = settings;
	}

	/** Expands each live entry once for the school. */
	public SchoolPlan plan(School school, List<ScheduleEntry> entries, Map<String, Posting> postings, Instant now) {
		ZonedDateTime dayStart = LocalDateTime.ofInstant(now, school.timeZone())
			.toLocalDate()
			.atStartOfDay(school.timeZone());
		Instant from = dayStart.toInstant();
		Instant until = dayStart.plus(this.settings.horizon()).plusDays(1).toInstant();
		List<SchoolPlan.Expanded> expanded = new ArrayList<>();
		boolean perScreen = false;
		for (ScheduleEntry entry : entries.stream().sorted(Comparator.comparing(ScheduleEntry::id)).toList()) {
			Posting posting = postings.get(entry.postingId());
			if (posting == null || posting.status() != PostingStatus.APPROVED
					|| posting.audience() == Posting.Audience.NO_SCREEN) {
				continue;
			}
			List<TimeWindow> windows = WindowExpander.expand(entry.rule(), school.timeZone(), from, until,
					posting.publicityStart(), posting.publicityEnd());
			if (!windows.isEmpty()) {
				expanded.add(new SchoolPlan.Expanded(entry, posting, windows));
				perScreen |= entry.targetType() == TargetType.SCREEN || entry.targetType() == TargetType.GROUP
						|| posting.audience() == Posting.Audience.STAFF_SCREENS;
			}
		}
		List<ManifestItem> shared = perScreen ? null : assemble(expanded);
		return new SchoolPlan(school, List.copyOf(expanded), shared);
	}

	/**
	 * The items of one screen of the planned school. Internal postings reach only screens
	 * tagged as staff screens ({@code sunboard.schedule.staff-tag}); the others, every
	 * screen targeted.
	 */
	public List<ManifestItem> items(SchoolPlan plan, String deviceId, Set<String> tags) {
		if (plan.shared() != null) {
			return plan.shared();
		}
		boolean staffScreen = tags.contains(this.settings.staffTag());
		return assemble(plan.entries()
			.stream()
			.filter((e) -> e.entry().targets(deviceId, tags))
			.filter((e) -> staffScreen || e.posting().audience() == Posting.Audience.EVERY_SCREEN)
			.toList());
	}

	/** The hash that decides whether a device's manifest must be republished. */
	public String contentHash(String deviceId, School school, List<ManifestItem> items) {
		return contentHash(deviceId, school, items, new ManifestWriter(this.codec));
	}

	/**
	 * The same hash, with the items written by the dispatch's writer, which encodes a
	 * school's shared list once for every screen's hash and payload.
	 */
	public String contentHash(String deviceId, School school, List<ManifestItem> items, ManifestWriter writer) {
		return Sha256.of(this.codec
			.encode(new HashedPart(deviceId, school.id(), school.name(), school.regionId(), writer.items(items))));
	}

	private static List<ManifestItem> assemble(List<SchoolPlan.Expanded> expanded) {
		Map<String, List<SchoolPlan.Expanded>> byPosting = new LinkedHashMap<>();
		expanded.stream()
			.sorted(Comparator.comparing((SchoolPlan.Expanded e) -> e.posting().id()))
			.forEach((e) -> byPosting.computeIfAbsent(e.posting().id(), (k) -> new ArrayList<>()).add(e));
		List<ManifestItem> items = new ArrayList<>();
		List<Integer> orders = new ArrayList<>();
		byPosting.forEach((postingId, list) -> {
			Posting posting = list.get(0).posting();
			ScheduleEntry first = list.stream().map(SchoolPlan.Expanded::entry).min(FIRST_ENTRY).orElseThrow();
			int priority = list.stream().mapToInt((e) -> e.entry().priority()).max().orElse(0);
			List<TimeWindow> windows = new ArrayList<>();
			list.forEach((e) -> windows.addAll(e.windows()));
			items.add(new ManifestItem(postingId, posting.title(), posting.kind(), posting.contentSha256(),
					first.durationSeconds(), priority, WindowExpander.merge(windows)));
			orders.add(first.order());
		});
		List<Integer> index = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			index.add(i);
		}
		// Play order: priority (high first), then the entries' order, then posting id.
		index.sort(Comparator.comparing((Integer i) -> items.get(i), PLAY_ORDER)
			.thenComparing(orders::get)
			.thenComparing((i) -> items.get(i).postingId()));
		return index.stream().map(items::get).toList();
	}

	/**
	 * What the hash covers. The items come already written, as the codec writes a list,
	 * so the bytes (and every stored hash) are what they were when this held the list.
	 */
	private record HashedPart(String deviceId, String schoolId, String schoolName, String regionId,
			@JsonRawValue String items) {

	}

}
