package io.sunboard.server.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.ManifestWriter;
import io.sunboard.protocol.Sha256;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.posting.DisclosureAttribute;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.schedule.ScheduleEntry;
import io.sunboard.server.schedule.ScheduleSettings;
import io.sunboard.server.schedule.TargetType;
import io.sunboard.server.school.School;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestBuilderTests {

	private static final String SHA = "a".repeat(64);

	private static final School SCHOOL = new School("s1", "r1", "实验小学", ZoneId.of("Asia/Shanghai"));

	private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	private final ManifestBuilder builder = new ManifestBuilder(new JsonCodec(),
			new ScheduleSettings(Duration.ofDays(7), "staff-only"));

	@Test
	void windowIsCutToThePublicityPeriod() {
		Posting posting = posting("p1", PostingStatus.APPROVED, "2026-11-23T01:00:00Z", "2026-11-23T05:00:00Z");
		ScheduleEntry entry = entry("p1", "2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z", 0);

		List<ManifestItem> items = items(List.of(entry), Map.of("p1", posting), NOW);

		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item.windows()).containsExactly(
					new TimeWindow(Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-23T05:00:00Z"))));
	}

	@Test
	void withdrawnPostingsAndWindowsThatHaveEndedAreLeftOut() {
		Posting withdrawn = posting("p1", PostingStatus.WITHDRAWN, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");
		// ended before the school's local day began (2026-11-23 00:00 in Shanghai)
		Posting ended = posting("p2", PostingStatus.APPROVED, "2026-11-20T00:00:00Z", "2026-11-22T15:59:59Z");

		List<ManifestItem> items = items(
				List.of(entry("p1", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 0),
						entry("p2", "2026-11-20T00:00:00Z", "2026-11-30T00:00:00Z", 0)),
				Map.of("p1", withdrawn, "p2", ended), NOW);

		assertThat(items).isEmpty();
	}

	@Test
	void higherPriorityComesFirstAndEntriesOfOnePostingMerge() {
		Posting low = posting("p1", PostingStatus.APPROVED, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");
		Posting high = posting("p2", PostingStatus.APPROVED, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");

		List<ManifestItem> items = items(
				List.of(entry("p1", "2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z", 0),
						entry("p1", "2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z", 0),
						entry("p2", "2026-11-23T00:00:00Z", "2026-11-25T00:00:00Z", 5)),
				Map.of("p1", low, "p2", high), NOW);

		assertThat(items).extracting(ManifestItem::postingId).containsExactly("p2", "p1");
		assertThat(items.get(1).windows()).as("touching windows of one posting join")
			.containsExactly(
					new TimeWindow(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z")));
	}

	@Test
	void hashIsDeterministicAndChangesWithContent() {
		Posting posting = posting("p1", PostingStatus.APPROVED, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");
		List<ManifestItem> items = items(List.of(entry("p1", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 0)),
				Map.of("p1", posting), NOW);

		String hash = this.builder.contentHash("d1", SCHOOL, items);

		assertThat(this.builder.contentHash("d1", SCHOOL, List.copyOf(items))).isEqualTo(hash);
		assertThat(this.builder.contentHash("d2", SCHOOL, items)).isNotEqualTo(hash);
		assertThat(this.builder.contentHash("d1", SCHOOL, List.of())).isNotEqualTo(hash);
		assertThat(this.builder.contentHash("d1", new School("s1", "r1", "改名后的学校", ZoneId.of("Asia/Shanghai")), items))
			.as("renaming the school changes the default page, so the manifest")
			.isNotEqualTo(hash);
	}

	@Test
	void hashIsWhatItWasBeforeTheItemsWereWrittenOnce() {
		Posting posting = posting("p1", PostingStatus.APPROVED, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");
		List<ManifestItem> items = items(List.of(entry("p1", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 0)),
				Map.of("p1", posting), NOW);
		ManifestWriter writer = new ManifestWriter(new JsonCodec());

		// a changed hash would republish every screen's manifest after an upgrade
		String before = Sha256.of(new JsonCodec().encode(new HashedBefore("d1", "s1", "实验小学", "r1", items)));

		assertThat(this.builder.contentHash("d1", SCHOOL, items)).isEqualTo(before);
		assertThat(this.builder.contentHash("d1", SCHOOL, items, writer)).isEqualTo(before);
		assertThat(this.builder.contentHash("d1", SCHOOL, List.copyOf(items), writer)).isEqualTo(before);
		assertThat(this.builder.contentHash("d2", SCHOOL, items, writer)).isNotEqualTo(before);
	}

	/** The record ManifestBuilder hashed up to 2026-12-04, the items as a list. */
	private record HashedBefore(String deviceId, String schoolId, String schoolName, String regionId,
			List<ManifestItem> items) {

	}

	@Test
	void screenAndGroupTargetsReachOnlyTheirScreens() {
		Posting posting = posting("p1", PostingStatus.APPROVED, "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");
		ScheduleEntry lobby = new ScheduleEntry("e1", "p1", "s1", TargetType.GROUP, "lobby",
				Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"), null, null, Set.of(),
				null, Set.of(), 10, 0, 0);
		SchoolPlan plan = this.builder.plan(SCHOOL, List.of(lobby), Map.of("p1", posting), NOW);

		assertThat(this.builder.items(plan, "d1", Set.of("lobby", "canteen"))).hasSize(1);
		assertThat(this.builder.items(plan, "d2", Set.of("staff-room"))).isEmpty();
	}

	@Test
	void disclosureAttributeDecidesWhichScreensShowAPosting() {
		Posting proactive = attributed("p1", DisclosureAttribute.PROACTIVE);
		Posting internal = attributed("p2", DisclosureAttribute.INTERNAL);
		Posting onRequest = attributed("p3", DisclosureAttribute.ON_REQUEST);
		Posting notDisclosed = attributed("p4", DisclosureAttribute.NOT_DISCLOSED);
		List<ScheduleEntry> entries = List.of(entry("p1", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 0),
				entry("p2", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 0),
				entry("p3", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 0),
				entry("p4", "2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z", 0));
		SchoolPlan plan = this.builder.plan(SCHOOL, entries,
				Map.of("p1", proactive, "p2", internal, "p3", onRequest, "p4", notDisclosed), NOW);

		assertThat(this.builder.items(plan, "lobby", Set.of("lobby"))).extracting(ManifestItem::postingId)
			.containsExactly("p1");
		assertThat(this.builder.items(plan, "staff", Set.of("staff-only"))).extracting(ManifestItem::postingId)
			.containsExactly("p1", "p2");
	}

	@Test
	void windowsEndAtTheHorizonWhichMovesOnlyWithTheLocalDay() {
		Posting posting = posting("p1", PostingStatus.APPROVED, "2026-11-01T00:00:00Z", "2027-11-30T00:00:00Z");
		List<ScheduleEntry> entries = List.of(entry("p1", "2026-11-01T00:00:00Z", "2027-11-30T00:00:00Z", 0));

		List<ManifestItem> morning = items(entries, Map.of("p1", posting), NOW);
		List<ManifestItem> evening = this.builder.items(
				this.builder.plan(SCHOOL, entries, Map.of("p1", posting), NOW.plus(Duration.ofHours(10))), "d1",
				Set.of());

		// Shanghai day 2026-11-23 starts at 2026-11-22T16:00Z; 7 days + 1 day later it
		// ends
		assertThat(morning.get(0).windows()).containsExactly(
				new TimeWindow(Instant.parse("2026-11-22T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")));
		assertThat(evening).isEqualTo(morning);
	}

	private List<ManifestItem> items(List<ScheduleEntry> entries, Map<String, Posting> postings, Instant now) {
		return this.builder.items(this.builder.plan(SCHOOL, entries, postings, now), "d1", Set.of());
	}

	private static Posting posting(String id, PostingStatus status, String start, String end) {
		return new Posting(id, "s1", "general", "标题 " + id, "正文", Instant.parse(start), Instant.parse(end), status,
				SHA);
	}

	private static Posting attributed(String id, DisclosureAttribute attribute) {
		return new Posting(id, "s1", "general", "标题 " + id, "正文", Instant.parse("2026-11-23T00:00:00Z"),
				Instant.parse("2026-11-30T00:00:00Z"), PostingStatus.APPROVED, SHA, attribute);
	}

	private static ScheduleEntry entry(String postingId, String start, String end, int priority) {
		return ScheduleEntry.wholeSchool("e-" + postingId + start, postingId, "s1", Instant.parse(start),
				Instant.parse(end), 10, priority);
	}

}
