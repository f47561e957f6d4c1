package io.sunboard.server.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report as one CSV table for Excel: UTF-8 with a byte-order mark (without it Excel
 * reads Chinese as mojibake), CRLF lines, one row per posting and screen shown and one
 * per gap, times in the reports' zone.
 */
@Component
class ReportCsv {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final List<String> COLUMNS = List.of("status", "postingId", "title", "deviceId", "deviceName",
			"schoolId", "plays", "durationSeconds", "firstShown", "lastShown", "gapReason", "scheduledFrom",
			"scheduledUntil");

	private final MessageSource messages;

	private final ReportSettings settings;

	ReportCsv(MessageSource messages, ReportSettings settings) {
		this.messages = messages;
		this.settings = settings;
	}

	byte[] write(ProofOfPlayReport report, Locale locale) {
		ZoneId zone = this.settings.timeZone();
		StringBuilder out = new StringBuilder();
		List<String> header = new ArrayList<>();
		COLUMNS.forEach((c) -> header.add(this.messages.getMessage("reports.csv." + c, null, c, locale)));
		line(out, header);
		String shown = this.messages.getMessage("reports.status.shown", null, "shown", locale);
		String gap = this.messages.getMessage("reports.status.gap", null, "gap", locale);
		for (ProofOfPlayReport.Row r : report.rows()) {
			line(out,
					List.of(shown, r.postingId(), r.title(), r.deviceId(), r.deviceName(), r.schoolId(),
							Long.toString(r.plays()), seconds(r.durationMs()), time(r.firstShown(), zone),
							time(r.lastShown(), zone), "", "", ""));
		}
		for (ProofOfPlayReport.Gap g : report.gaps()) {
			line(out,
					List.of(gap, g.postingId(), g.title(), g.deviceId(), g.deviceName(), g.schoolId(), "0", "0", "", "",
							this.messages.getMessage("reports.gap." + g.reason(), null, g.reason().name(), locale),
							time(g.scheduledFrom(), zone), time(g.scheduledUntil(), zone)));
		}
		byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[BOM.length + text.length];
		System.arraycopy(BOM, 0, bytes, 0, BOM.length);
		System.arraycopy(text, 0, bytes, BOM.length, text.length);
		return bytes;
	}

	/** Milliseconds as seconds with three decimals, exact. */
	static String seconds(long ms) {
		return String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
	}

	static String time(Instant instant, ZoneId zone) {
		return (instant != null) ? TIME.format(instant.atZone(zone)) : "";
	}

	private static void line(StringBuilder out, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(field(fields.get(i)));
		}
		out.append("\r\n");
	}

	private static String field(String value) {
		String v = (value != null) ? value : "";
		// a title beginning with = + - @ would run as a formula when opened in Excel
		if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
			v = "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}

}
