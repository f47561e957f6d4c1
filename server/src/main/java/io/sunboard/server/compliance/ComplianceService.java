package io.sunboard.server.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.sunboard.server.calendar.WorkingDayCalendar;
import io.sunboard.server.school.School;

/**
 * Judges schools against their disclosure catalogues and the timeliness rule, and looks
 * for fee notices and screens that fail the public right now.
 */
@Service
public class ComplianceService {

	private final CatalogueService catalogues;

	private final DisclosedPostings postings;

	private final ScreenChecks screens;

	private final WorkingDayCalendar calendar;

	private final ComplianceSettings settings;

	private final Clock clock;

	ComplianceService(CatalogueService catalogues, DisclosedPostings postings, ScreenChecks screens,
			WorkingDayCalendar calendar, ComplianceSettings settings, Clock clock) {
		this.catalogues = catalogues;
		this.postings = postings;
		this.screens = screens;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	public ComplianceReport report(List<School> schools, int year) {
		Instant now = this.clock.instant();
		Map<String, List<DisclosedPosting>> bySchool = this.postings
			.ofSchools(schools.stream().map(School::id).toList())
			.stream()
			.collect(Collectors.groupingBy(DisclosedPosting::schoolId));
		Map<String, Catalogue> catalogues = this.catalogues.forSchools(schools.stream().map(School::id).toList());
		// the screen checks describe the screens now, so they belong to the current year
		// only; read once for all the schools it concerns
		List<School> current = schools.stream()
			.filter((s) -> LocalDate.ofInstant(now, s.timeZone()).getYear() == year)
			.toList();
		Map<String, List<ComplianceReport.Flag>> feeNotices = this.screens.feeNoticeFlags(current, bySchool,
				this.settings.feeNoticeKind(), now);
		Map<String, List<ComplianceReport.Flag>> staleScreens = this.screens.staleScreens(current,
				now.minus(this.settings.manifestGrace()));
		List<ComplianceReport.SchoolCompliance> out = new ArrayList<>();
		LocalDate reportToday = null;
		for (School school : schools) {
			LocalDate today = LocalDate.ofInstant(now, school.timeZone());
			reportToday = today;
			List<DisclosedPosting> own = bySchool.getOrDefault(school.id(), List.of());
			Catalogue catalogue = catalogues.get(school.id());
			List<ComplianceReport.Entry> entries = new ArrayList<>();
			for (Requirement r : catalogue.requirements()) {
				for (int i = 0; i < r.periods().size(); i++) {
					Requirement.Period p = r.periods().get(i);
					LocalDate windowEnd = (i + 1 < r.periods().size())
							? r.periods().get(i + 1).fromDay().atYear(year).minusDays(1) : LocalDate.of(year, 12, 31);
					entries.add(entry(r.kind(), p, p.fromDay().atYear(year), p.dueDay().atYear(year), windowEnd, own,
							school.timeZone(), today));
				}
			}
			List<ComplianceReport.Flag> flags = new ArrayList<>(lateProactive(own, year, school.timeZone()));
			if (year == today.getYear()) {
				flags.addAll(feeNotices.getOrDefault(school.id(), List.of()));
				flags.addAll(staleScreens.getOrDefault(school.id(), List.of()));
			}
			out.add(new ComplianceReport.SchoolCompliance(school.id(), school.name(), catalogue.source(), entries,
					flags, count(entries, "ON_TIME"), count(entries, "LATE"), count(entries, "MISSING")));
		}
		return new ComplianceReport(year,
				(reportToday != null) ? reportToday : LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")), out);
	}

	/**
	 * On time when a proactive posting of the kind was published between the period's
	 * start and its due date, or one published earlier was still public on its first day
	 * (a standing notice); late when the first one came after the due date but before the
	 * next period; missing when none came and the due date has passed.
	 */
	private static ComplianceReport.Entry entry(String kind, Requirement.Period period, LocalDate from, LocalDate due,
			LocalDate windowEnd, List<DisclosedPosting> postings, ZoneId zone, LocalDate today) {
		Optional<DisclosedPosting> standing = postings.stream()
			.filter((p) -> p.kind().equals(kind) && p.proactive() && p.publishedAt() != null)
			.filter((p) -> LocalDate.ofInstant(p.publishedAt(), zone).isBefore(from)
					&& p.publicityEnd().isAfter(from.atStartOfDay(zone).toInstant()))
			.findFirst();
		if (standing.isPresent()) {
			return new ComplianceReport.Entry(kind, period.name(), from, due, "ON_TIME", standing.get().id(),
					LocalDate.ofInstant(standing.get().publishedAt(), zone));
		}
		Optional<DisclosedPosting> first = postings.stream()
			.filter((p) -> p.kind().equals(kind) && p.proactive() && p.publishedAt() != null)
			.filter((p) -> {
				LocalDate on = LocalDate.ofInstant(p.publishedAt(), zone);
				return !on.isBefore(from) && !on.isAfter(windowEnd);
			})
			.min(Comparator.comparing(DisclosedPosting::publishedAt));
		if (first.isPresent()) {
			LocalDate on = LocalDate.ofInstant(first.get().publishedAt(), zone);
			return new ComplianceReport.Entry(kind, period.name(), from, due, on.isAfter(due) ? "LATE" : "ON_TIME",
					first.get().id(), on);
		}
		return new ComplianceReport.Entry(kind, period.name(), from, due, today.isAfter(due) ? "MISSING" : "PENDING",
				null, null);
	}

	/**
	 * Proactive postings whose current version went public more than the allowed working
	 * days after their information was formed or changed.
	 */
	private List<ComplianceReport.Flag> lateProactive(List<DisclosedPosting> postings, int year, ZoneId zone) {
		List<ComplianceReport.Flag> flags = new ArrayList<>();
		for (DisclosedPosting p : postings) {
			Instant published = p.currentVersionPublishedAt();
			if (!p.proactive() || published == null || p.informationFormedOn() == null) {
				continue;
			}
			LocalDate on = LocalDate.ofInstant(published, zone);
			if (on.getYear() != year) {
				continue;
			}
			int days = this.calendar.workingDaysBetween(p.informationFormedOn(), on);
			if (days > this.settings.proactiveWorkingDays()) {
				int limit = this.settings.proactiveWorkingDays();
				flags.add(new ComplianceReport.Flag("LATE_PROACTIVE_DISCLOSURE", p.id(),
						"'" + p.title() + "': information formed on " + p.informationFormedOn() + ", published on " + on
								+ ", " + days + " working days later (limit " + limit + ")",
						"lateProactive", List.of(p.title(), p.informationFormedOn().toString(), on.toString(),
								String.valueOf(days), String.valueOf(limit))));
			}
		}
		return flags;
	}

	private static int count(List<ComplianceReport.Entry> entries, String status) {
		return (int) entries.stream().filter((e) -> e.status().equals(status)).count();
	}

}
