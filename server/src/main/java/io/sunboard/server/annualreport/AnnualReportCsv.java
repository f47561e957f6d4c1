package io.sunboard.server.annualreport;

import java.nio.charset.StandardCharsets;

/**
 * The report as CSV (UTF-8 with a byte order mark, so spreadsheet programs on Chinese
 * Windows read it right).
 */
final class AnnualReportCsv {

	private AnnualReportCsv() {
	}

	static byte[] write(AnnualReport report) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append("scope,scope_id,year,section,item,label,value\r\n");
		for (AnnualReport.Line line : report.lines()) {
			out.append(cell(report.scope()))
				.append(',')
				.append(cell(report.scopeId()))
				.append(',')
				.append(report.year())
				.append(',')
				.append(cell(line.section()))
				.append(',')
				.append(cell(line.item()))
				.append(',')
				.append(cell(line.label()))
				.append(',')
				.append(cell(line.value()))
				.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Quotes when needed; a leading = + - @ is neutralised so a spreadsheet does not run
	 * it as a formula.
	 */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String v = value;
		if (!v.isEmpty() && "=+@".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
			return '"' + v.replace("\"", "\"\"") + '"';
		}
		return v;
	}

}
