package io.sunboard.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.TimeWindow;
import io.sunboard.server.feedback.FeedbackDeadlines;
import io.sunboard.server.feedback.FeedbackKind;

/**
 * The rows the annual report, the compliance dashboard and the feedback inbox read, on
 * top of {@link ReportBench}'s proof-of-play rollups: per school a disclosure catalogue,
 * about twenty postings of every kind with their approvals (some late, some withdrawn,
 * some with the date their information was formed), feedback with real due dates, a year
 * of kiosk ratings, and each screen's current manifest. Seeded, so every run fills the
 * same.
 */
final class DisclosureFill {

	static final int FEEDBACK_PER_SCHOOL = 30;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String SHA = "b".repeat(64);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final FeedbackDeadlines deadlines;

	private final JsonCodec codec;

	private final Random random = new Random(2026);

	/** First day of the filled data and today, at the schools. */
	private final LocalDate first;

	private final LocalDate today;

	private final int year;

	private final List<Disclosure> disclosures = new ArrayList<>();

	private final Counts counts = new Counts();

	DisclosureFill(JdbcTemplate jdbc, TransactionTemplate transactions, FeedbackDeadlines deadlines, JsonCodec codec,
			LocalDate today, int days) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.deadlines = deadlines;
		this.codec = codec;
		this.today = today;
		this.first = today.minusDays(days);
		this.year = today.getYear();
	}

	Counts fill() {
		this.transactions.executeWithoutResult((status) -> {
			catalogues();
			postings();
			manifests();
		});
		feedback();
		ratings();
		return this.counts;
	}

	/** Nine schools in ten have their own catalogue (award and recruitment added). */
	private void catalogues() {
		List<Object[]> rows = new ArrayList<>();
		for (int s = 0; s < ReportBench.SCHOOLS; s++) {
			if (s % 10 == 9) {
				continue;
			}
			String json = "{\"source\":\"school " + ReportBench.school(s) + "\",\"requirements\":["
					+ "{\"kind\":\"fee-notice\",\"cadence\":\"TERM\",\"periods\":[{\"name\":\"spring\",\"from\":"
					+ "\"01-01\",\"due\":\"03-15\"},{\"name\":\"autumn\",\"from\":\"07-01\",\"due\":\"09-15\"}]},"
					+ year("finance", "06-30") + "," + year("admission", "08-31") + "," + year("service-guide", "03-31")
					+ ",{\"kind\":\"award\",\"cadence\":\"TERM\",\"periods\":[{\"name\":\"spring\",\"from\":\"02-15\","
					+ "\"due\":\"04-30\"},{\"name\":\"autumn\",\"from\":\"09-01\",\"due\":\"11-30\"}]},"
					+ year("recruitment", (s % 2 == 0) ? "06-30" : "09-30") + "]}";
			rows.add(new Object[] { ReportBench.school(s), json, now(), "admin" });
		}
		this.jdbc.batchUpdate("insert into disclosure_catalogue_override (school_id, catalogue, updated_at, updated_by)"
				+ " values (?, ?, ?, ?)", rows);
		this.counts.catalogues = rows.size();
	}

	private static String year(String kind, String due) {
		return "{\"kind\":\"" + kind + "\",\"cadence\":\"YEAR\",\"periods\":[{\"name\":\"year\",\"from\":\"01-01\","
				+ "\"due\":\"" + due + "\"}]}";
	}

	private void postings() {
		LocalDate jan = LocalDate.of(this.year, 1, 1);
		LocalDate nextYear = jan.plusYears(1);
		for (int s = 0; s < ReportBench.SCHOOLS; s++) {
			if (s % 20 != 11) { // a school that never posted its spring fee notice
				add(s, "fee-notice", jan.plusDays(4 + r(80)), LocalDate.of(this.year, 7, 15), null, "APPROVED");
			}
			add(s, "fee-notice", jan.plusMonths(6).plusDays(r(80)), nextYear.plusDays(30), null,
					(s % 10 == 3) ? "WITHDRAWN" : "APPROVED");
			LocalDate finance = jan.plusMonths(2).plusDays(r(150));
			add(s, "finance", finance, finance.plusDays(60), null, "APPROVED");
			if (s % 25 != 0) {
				LocalDate admission = jan.plusMonths(3).plusDays(14 + r(150));
				add(s, "admission", admission, admission.plusDays(45), null, "APPROVED");
			}
			// a third of the schools keep last year's guide up: a standing notice
			add(s, "service-guide", (s % 3 == 0) ? this.first.plusDays(7) : jan.plusDays(9 + r(100)),
					nextYear.plusMonths(5), null, "APPROVED");
			LocalDate spring = jan.plusMonths(2).plusDays(r(70));
			add(s, "award", spring, spring.plusDays(20), null, "APPROVED");
			LocalDate autumn = jan.plusMonths(8).plusDays(9 + r(70));
			add(s, "award", autumn, autumn.plusDays(20), null, "APPROVED");
			LocalDate recruitment = jan.plusMonths(4).plusDays(r(120));
			add(s, "recruitment", recruitment, recruitment.plusDays(15), null, "APPROVED");
			for (int i = 0; i <= s % 2; i++) {
				LocalDate decision = anyDay();
				add(s, "decision", decision, decision.plusDays(30), (r(4) == 0) ? "ON_REQUEST" : "PROACTIVE",
						"APPROVED");
			}
			if (s % 10 == 5) {
				LocalDate secret = anyDay();
				add(s, "decision", secret, secret.plusDays(400), "NOT_DISCLOSED", "APPROVED");
			}
			for (int i = 0; i < 8; i++) {
				LocalDate general = anyDay();
				add(s, "general", general, general.plusDays(14 + r(17)), (r(8) == 0) ? "INTERNAL" : "PROACTIVE",
						(r(15) == 0) ? "WITHDRAWN" : "APPROVED");
			}
			LocalDate emergency = anyDay();
			add(s, "emergency", emergency, emergency.plusDays(1), "PROACTIVE", "APPROVED");
			add(s, "general", this.today.plusDays(10), this.today.plusDays(30), null, "DRAFT");
			add(s, "general", this.today.plusDays(5), this.today.plusDays(20), null, "IN_REVIEW");
		}
		List<Object[]> postings = new ArrayList<>();
		List<Object[]> reviews = new ArrayList<>();
		for (Disclosure d : this.disclosures) {
			postings.add(posting(d, reviews));
		}
		this.jdbc.batchUpdate("insert into posting (id, school_id, kind, title, body, publicity_start, publicity_end,"
				+ " status, content_sha256, created_at, updated_at, author, disclosure_attribute, attribute_reason,"
				+ " information_formed_on) values (?, ?, ?, ?, '', ?, ?, ?, '" + SHA + "', ?, ?, 'editor', ?, ?, ?)",
				postings);
		this.jdbc.batchUpdate("insert into posting_review (id, posting_id, content_sha256, reviewer, decision, basis,"
				+ " conclusion, disclosure_attribute, attribute_reason, decided_at) values (?, ?, '" + SHA
				+ "', 'reviewer', 'APPROVE', '学校保密审查制度', '不涉密', ?, ?, ?)", reviews);
		this.counts.postings = postings.size();
		this.counts.reviews = reviews.size();
	}

	/**
	 * Approved a few days before its publicity starts (one in eight after it has begun);
	 * one in six approved again later as a changed version. Three in five record when
	 * their information was formed; one in ten of those more than 20 working days before
	 * publication.
	 */
	private Object[] posting(Disclosure d, List<Object[]> reviews) {
		Instant start = at(d.on(), 8);
		Instant created = start.minus(5, ChronoUnit.DAYS);
		LocalDate formed = null;
		String reason = (d.attribute() == null || d.attribute().equals("PROACTIVE")) ? null : "涉及个人信息，依申请公开";
		if (d.status().equals("APPROVED") || d.status().equals("WITHDRAWN")) {
			LocalDate approved = (r(8) == 0 && d.on().plusDays(5).isBefore(this.today)) ? d.on().plusDays(1 + r(5))
					: d.on().minusDays(1 + r(3));
			reviews.add(review(d, 1, at(approved, 10), reason));
			LocalDate published = approved.isAfter(d.on()) ? approved : d.on();
			LocalDate changed = d.on().plusDays(10 + r(30));
			if (r(6) == 0 && changed.isBefore(this.today) && changed.isBefore(d.until())) {
				reviews.add(review(d, 2, at(changed, 15), reason));
				formed = changed.minusDays(2 + r(18));
			}
			else if (r(5) < 3) {
				formed = published.minusDays((r(10) == 0) ? 35 + r(25) : r(25));
			}
		}
		return new Object[] { d.id(), ReportBench.school(d.school()), d.kind(), title(d), Timestamp.from(start),
				Timestamp.from(at(d.until(), 0)), d.status(), Timestamp.from(created), Timestamp.from(created),
				d.attribute(), reason, (formed != null) ? Date.valueOf(formed) : null };
	}

	private static Object[] review(Disclosure d, int n, Instant at, String reason) {
		return new Object[] { "rv-" + d.id() + "-" + n, d.id(), d.attribute(), reason, Timestamp.from(at) };
	}

	private static String title(Disclosure d) {
		return d.kind() + " " + d.on() + " 学校" + d.school();
	}

	/**
	 * Each screen's current manifest: the school's live, proactive postings. Schools
	 * ending in 7 left their fee notice off the screens; one screen in fifty has not
	 * applied its newest manifest.
	 */
	private void manifests() {
		List<Object[]> rows = new ArrayList<>();
		Instant published = Instant.now().minus(2, ChronoUnit.HOURS);
		Instant now = Instant.now();
		for (int s = 0; s < ReportBench.SCHOOLS; s++) {
			List<ManifestItem> items = new ArrayList<>();
			for (int p = 0; p < ReportBench.POSTINGS_PER_SCHOOL; p++) {
				items.add(new ManifestItem(ReportBench.posting(s, p), "公示" + s + "-" + p, "general", SHA, 20, 0,
						List.of(new TimeWindow(published, published.plus(1, ChronoUnit.DAYS)))));
			}
			for (Disclosure d : this.disclosures) {
				boolean live = d.school() == s && d.status().equals("APPROVED")
						&& (d.attribute() == null || d.attribute().equals("PROACTIVE")) && !at(d.on(), 8).isAfter(now)
						&& at(d.until(), 0).isAfter(now);
				if (live && !(s % 10 == 7 && d.kind().equals("fee-notice"))) {
					items.add(new ManifestItem(d.id(), title(d), d.kind(), SHA, 20, 0,
							List.of(new TimeWindow(at(d.on(), 8), at(d.until(), 0)))));
				}
			}
			for (int d = 0; d < ReportBench.SCREENS_PER_SCHOOL; d++) {
				int version = ((s * ReportBench.SCREENS_PER_SCHOOL + d) % 50 == 25) ? 2 : 1;
				Manifest manifest = new Manifest(Manifest.SCHEMA, ReportBench.device(s, d), ReportBench.school(s),
						"学校" + s, version, "c".repeat(64), published, items, "r1");
				rows.add(new Object[] { ReportBench.device(s, d), version, "c".repeat(64),
						this.codec.encodeToString(manifest), Timestamp.from(published) });
			}
		}
		// the dispatcher wrote empty ones when the broker connected, before the screens
		// had postings
		this.jdbc.update("delete from device_manifest");
		this.jdbc.batchUpdate("insert into device_manifest (device_id, version, content_hash, payload, published_at)"
				+ " values (?, ?, ?, ?, ?)", rows);
		this.counts.manifests = rows.size();
	}

	/**
	 * Feedback received during school hours over the data's days, due dates from the
	 * server's working-day calendar. Of those past due, seven in eight answered (one in
	 * six of these late), the rest overdue; two in five of those not yet due answered.
	 * Three in five came from a kiosk (with the kiosk_feedback row ingest stored).
	 */
	private void feedback() {
		List<Object[]> items = new ArrayList<>();
		List<Object[]> kiosk = new ArrayList<>();
		int days = (int) ChronoUnit.DAYS.between(this.first, this.today);
		for (int s = 0; s < ReportBench.SCHOOLS; s++) {
			for (int i = 0; i < FEEDBACK_PER_SCHOOL; i++) {
				LocalDate day = this.first.plusDays(r(days));
				Instant received = day.atTime(8 + r(10), r(60)).atZone(ZONE).toInstant();
				int k = r(10);
				FeedbackKind kind = (k < 5) ? FeedbackKind.CONSULTATION
						: (k < 8) ? FeedbackKind.COMPLAINT : FeedbackKind.SUGGESTION;
				int c = r(20);
				String channel = (c < 12) ? "KIOSK" : (c < 17) ? "PHONE" : "IN_PERSON";
				LocalDate due = this.deadlines.dueOn(kind, day);
				Instant replied = null;
				if (due.isBefore(this.today) ? r(8) != 0 : r(5) < 2) {
					LocalDate last = due.isBefore(this.today) ? due : this.today;
					LocalDate on = (r(6) == 0 && due.isBefore(this.today.minusDays(10))) ? due.plusDays(1 + r(10))
							: day.plusDays(r((int) ChronoUnit.DAYS.between(day, last) + 1));
					replied = on.atTime(9 + r(8), r(60)).atZone(ZONE).toInstant();
					if (!replied.isAfter(received) || replied.isAfter(Instant.now())) {
						replied = received.plus(1, ChronoUnit.HOURS);
					}
					this.counts.answered++;
				}
				else if (due.isBefore(this.today)) {
					this.counts.overdue++;
				}
				String id = "fb-" + s + "-" + i;
				String device = channel.equals("KIOSK") ? ReportBench.device(s, r(ReportBench.SCREENS_PER_SCHOOL))
						: null;
				String posting = (r(10) < 3) ? ReportBench.posting(s, r(ReportBench.POSTINGS_PER_SCHOOL)) : null;
				String contact = (r(10) < 7) ? "1380000" + String.format("%04d", r(10_000)) : null;
				String text = text(kind) + ((r(5) == 0) ? "，请回电 139 1234 " + String.format("%04d", r(10_000)) : "");
				String assignee = (replied != null || r(2) == 0) ? "admin" : null;
				items.add(new Object[] { id, ReportBench.school(s), kind.name(), channel, device,
						(device != null) ? "ev-" + id : null, posting, text, contact, Timestamp.from(received),
						Date.valueOf(due), assignee, (replied != null) ? "已答复，感谢您的反馈。" : null,
						(replied != null) ? Timestamp.from(replied) : null, (replied != null) ? "admin" : null,
						replied != null && r(10) < 3, Timestamp.from(received.plusSeconds(30)),
						(device != null) ? "system" : "admin" });
				if (device != null) {
					kiosk.add(new Object[] { device, "ev-" + id, kind.name().toLowerCase(Locale.ROOT), text, contact,
							posting, Timestamp.from(received.minusSeconds(5)), Timestamp.from(received) });
				}
			}
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.batchUpdate("insert into kiosk_feedback (device_id, event_id, category, text, contact,"
					+ " posting_id, submitted_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)", kiosk);
			this.jdbc.batchUpdate("insert into feedback_item (id, school_id, kind, channel, device_id, event_id,"
					+ " posting_id, text, contact, received_at, due_on, assignee, reply, replied_at, replied_by,"
					+ " publish_reply, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
					+ " ?, ?, ?)", items);
		});
		this.counts.feedback = items.size();
		this.counts.kioskFeedback = kiosk.size();
	}

	private static String text(FeedbackKind kind) {
		return switch (kind) {
			case CONSULTATION -> "请问秋季学期的收费标准在哪里可以查到";
			case COMPLAINT -> "校门口接送时段秩序混乱，希望学校加强管理";
			case SUGGESTION -> "建议在公示屏上增加食堂每周菜单";
		};
	}

	/**
	 * One rated hour a day per screen (school hours), on one of its school's postings: a
	 * few "was this helpful?" answers each.
	 */
	private void ratings() {
		List<Object[]> rows = new ArrayList<>();
		for (LocalDate day = this.first; day.isBefore(this.today); day = day.plusDays(1)) {
			int n = (int) ChronoUnit.DAYS.between(this.first, day);
			for (int s = 0; s < ReportBench.SCHOOLS; s++) {
				for (int d = 0; d < ReportBench.SCREENS_PER_SCHOOL; d++) {
					int ratings = 1 + r(4);
					int helpful = Math.min(ratings, r(ratings + 2));
					rows.add(new Object[] { ReportBench.posting(s, (n + d) % ReportBench.POSTINGS_PER_SCHOOL),
							ReportBench.device(s, d), Timestamp.from(at(day, 9 + r(8))), helpful, ratings });
				}
			}
			if (n % 30 == 29 || !day.plusDays(1).isBefore(this.today)) {
				this.transactions.executeWithoutResult((status) -> this.jdbc
					.batchUpdate("insert into rating_hourly (posting_id, device_id, hour_start, helpful, ratings)"
							+ " values (?, ?, ?, ?, ?)", rows));
				this.counts.ratings += rows.size();
				rows.clear();
			}
		}
	}

	private void add(int school, String kind, LocalDate on, LocalDate until, String attribute, String status) {
		boolean future = !on.isBefore(this.today);
		String s = (future && !status.equals("DRAFT")) ? "IN_REVIEW" : status;
		String id = "q-" + school + "-" + this.disclosures.size();
		this.disclosures.add(new Disclosure(id, school, kind, on, until,
				s.equals("APPROVED") || s.equals("WITHDRAWN") ? ((attribute != null) ? attribute : "PROACTIVE") : null,
				s));
	}

	private LocalDate anyDay() {
		return this.first.plusDays(r((int) ChronoUnit.DAYS.between(this.first, this.today)));
	}

	private int r(int bound) {
		return this.random.nextInt(bound);
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

	private record Disclosure(String id, int school, String kind, LocalDate on, LocalDate until, String attribute,
			String status) {

	}

	/** What was inserted, for the report paragraph. */
	static final class Counts {

		long catalogues;

		long postings;

		long reviews;

		long manifests;

		long feedback;

		long kioskFeedback;

		long answered;

		long overdue;

		long ratings;

		long total() {
			return this.catalogues + this.postings + this.reviews + this.manifests + this.feedback + this.kioskFeedback
					+ this.ratings;
		}

	}

}
