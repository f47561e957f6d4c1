package io.sunboard.server.report;

import java.time.Instant;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Component;

/**
 * What the console page and the PDF show of a report: the report, its times in the
 * reports' zone, and two charts (showings, and hours shown, per screen or per posting).
 */
@Component
class ReportView {

	private final ReportSettings settings;

	ReportView(ReportSettings settings) {
		this.settings = settings;
	}

	void fill(ProofOfPlayReport report, BiConsumer<String, Object> model) {
		boolean byScreen = report.subject() == ReportQuery.Subject.POSTING;
		model.accept("report", report);
		model.accept("times", new Times());
		model.accept("zone", this.settings.timeZone().getId());
		model.accept("playsChart", BarChart.of(report.rows(), (r) -> byScreen ? r.deviceName() : r.title(),
				ProofOfPlayReport.Row::plays, Long::toString));
		model.accept("durationChart", BarChart.of(report.rows(), (r) -> byScreen ? r.deviceName() : r.title(),
				ProofOfPlayReport.Row::durationMs, (ms) -> String.format("%.1f h", ms / 3_600_000.0)));
	}

	/** Formats instants for templates ({@code ${times.at(x)}}). */
	public final class Times {

		public String at(Instant instant) {
			return (instant != null) ? ReportCsv.time(instant, ReportView.this.settings.timeZone()) : "—";
		}

		public String seconds(long ms) {
			return ReportCsv.seconds(ms);
		}

	}

}
