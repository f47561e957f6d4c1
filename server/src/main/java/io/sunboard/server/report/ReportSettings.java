package io.sunboard.server.report;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone in which report dates ({@code from=2026-11-01}) and the times
 * in CSV and PDF exports are read and written. PDF fonts are {@code sunboard.pdf.fonts}.
 */
@ConfigurationProperties("sunboard.reports")
public record ReportSettings(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {

}
