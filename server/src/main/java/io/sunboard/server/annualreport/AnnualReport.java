package io.sunboard.server.annualreport;

import java.time.Instant;
import java.util.List;

/**
 * The figures of one annual report, in the order they are printed. CSV and PDF are both
 * made from {@link #lines()}, so they cannot disagree.
 *
 * @param scope {@code school} or {@code region}
 */
public record AnnualReport(String scope, String scopeId, String scopeName, int year, Instant generatedAt,
		List<Line> lines) {

	public AnnualReport {
		lines = List.copyOf(lines);
	}

	/**
	 * @param section e.g. {@code postings-by-kind}
	 * @param item stable key within the section, e.g. {@code fee-notice}
	 * @param label the item in the reader's language
	 * @param value a count, or a percentage with one decimal
	 */
	public record Line(String section, String item, String label, String value) {

	}

}
