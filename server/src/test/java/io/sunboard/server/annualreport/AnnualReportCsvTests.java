package io.sunboard.server.annualreport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnnualReportCsvTests {

	@Test
	void cellsAreQuotedAndFormulasNeutralised() {
		assertThat(AnnualReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(AnnualReportCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AnnualReportCsv.cell("=1+1")).isEqualTo("'=1+1");
		assertThat(AnnualReportCsv.cell("-")).isEqualTo("-");
		assertThat(AnnualReportCsv.cell(null)).isEmpty();
	}

	@Test
	void oneRowPerLineAfterTheHeader() {
		AnnualReport report = new AnnualReport("school", "s1", "一小", 2026, Instant.parse("2026-12-31T00:00:00Z"),
				List.of(new AnnualReport.Line("feedback", "received", "收到", "4"),
						new AnnualReport.Line("feedback", "handling-rate", "办结率", "25.0%")));
		String csv = new String(AnnualReportCsv.write(report), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFscope,scope_id,year,section,item,label,value\r\n")
			.contains("school,s1,2026,feedback,received,收到,4\r\n")
			.contains("school,s1,2026,feedback,handling-rate,办结率,25.0%\r\n");
	}

	@Test
	void percentagesHaveOneDecimalAndADashForNothing() {
		assertThat(AnnualReportService.percent(2, 3)).isEqualTo("66.7%");
		assertThat(AnnualReportService.percent(0, 0)).isEqualTo("-");
	}

}
