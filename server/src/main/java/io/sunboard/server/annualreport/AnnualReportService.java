package io.sunboard.server.annualreport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import io.sunboard.server.compliance.DisclosedPosting;
import io.sunboard.server.compliance.DisclosedPostings;
import io.sunboard.server.compliance.SchoolSelection;
import io.sunboard.server.feedback.FeedbackService;
import io.sunboard.server.feedback.FeedbackTotals;
import io.sunboard.server.posting.DisclosureAttribute;
import io.sunboard.server.school.School;

/**
 * Gathers a year's figures for a region or a school.
 */
@Service
class AnnualReportService {

	private final DisclosedPostings postings;

	private final FeedbackService feedback;

	private final AnnualFigures figures;

	private final MessageSource messages;

	private final Clock clock;

	AnnualReportService(DisclosedPostings postings, FeedbackService feedback, AnnualFigures figures,
			MessageSource messages, Clock clock) {
		this.postings = postings;
		this.feedback = feedback;
		this.figures = figures;
		this.messages = messages;
		this.clock = clock;
	}

	AnnualReport report(SchoolSelection.Selected selected, int year, Locale locale) {
		List<School> schools = selected.schools();
		Instant now = this.clock.instant();
		Map<String, School> byId = new TreeMap<>();
		schools.forEach((s) -> byId.put(s.id(), s));
		Map<String, Long> byKind = new TreeMap<>();
		Map<DisclosureAttribute, Long> byAttribute = new TreeMap<>();
		for (DisclosureAttribute a : DisclosureAttribute.values()) {
			byAttribute.put(a, 0L);
		}
		long periodsEnded = 0;
		long honoured = 0;
		for (DisclosedPosting p : this.postings.ofSchools(byId.keySet())) {
			School school = byId.get(p.schoolId());
			Instant published = p.publishedAt();
			if (published == null || LocalDate.ofInstant(published, school.timeZone()).getYear() != year) {
				continue;
			}
			byKind.merge(p.kind(), 1L, Long::sum);
			byAttribute.merge((p.attribute() != null) ? p.attribute() : DisclosureAttribute.PROACTIVE, 1L, Long::sum);
			if (p.publicityEnd().isBefore(now)) {
				periodsEnded++;
				// one withdrawn before its end left the screens early
				if (p.publicityHonoured()) {
					honoured++;
				}
			}
		}
		List<AnnualReport.Line> lines = new ArrayList<>();
		long total = byKind.values().stream().mapToLong(Long::longValue).sum();
		lines.add(line("postings", "total", label("annual.postings.total", locale), total));
		byKind.forEach((kind, n) -> lines.add(line("postings-by-kind", kind, kindLabel(kind, locale), n)));
		byAttribute.forEach((a, n) -> lines
			.add(line("postings-by-attribute", a.name(), label("annual.attribute." + a.name(), locale), n)));
		lines.add(line("publicity", "ended", label("annual.publicity.ended", locale), periodsEnded));
		lines.add(line("publicity", "honoured", label("annual.publicity.honoured", locale), honoured));
		lines.add(new AnnualReport.Line("publicity", "honoured-percent",
				label("annual.publicity.honouredPercent", locale), percent(honoured, periodsEnded)));
		AnnualFigures.PlayTotals plays = this.figures.plays(schools, year);
		lines.add(line("proof-of-play", "screens", label("annual.play.screens", locale), plays.screens()));
		lines.add(line("proof-of-play", "plays", label("annual.play.plays", locale), plays.plays()));
		lines.add(line("proof-of-play", "seconds", label("annual.play.seconds", locale), plays.seconds()));
		FeedbackTotals fb = this.feedback.yearTotals(schools, year);
		lines.add(line("feedback", "received", label("annual.feedback.received", locale), fb.received()));
		lines.add(line("feedback", "answered", label("annual.feedback.answered", locale), fb.answered()));
		lines.add(line("feedback", "answered-on-time", label("annual.feedback.onTime", locale), fb.answeredOnTime()));
		lines.add(new AnnualReport.Line("feedback", "handling-rate", label("annual.feedback.handlingRate", locale),
				percent(fb.answered(), fb.received())));
		lines.add(new AnnualReport.Line("feedback", "on-time-rate", label("annual.feedback.onTimeRate", locale),
				percent(fb.answeredOnTime(), fb.received())));
		String name = (schools.size() == 1 && selected.type().equals("school")) ? schools.get(0).name()
				: selected.name();
		return new AnnualReport(selected.type(), selected.id(), name, year, now, lines);
	}

	/** One decimal, or a dash when there is nothing to divide. */
	static String percent(long part, long whole) {
		if (whole == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.1f%%", part * 100.0 / whole);
	}

	private static AnnualReport.Line line(String section, String item, String label, long value) {
		return new AnnualReport.Line(section, item, label, Long.toString(value));
	}

	private String kindLabel(String kind, Locale locale) {
		return this.messages.getMessage("annual.kind." + kind, null, kind, locale);
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
