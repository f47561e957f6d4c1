package io.sunboard.server.tableimport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableImporterTests {

	private static final List<TableColumn> ADMISSION = List.of(TableColumn.required("姓名", 40),
			TableColumn.required("录取编号", 20).matching("[A-Za-z0-9-]+", "letters, digits or '-'"),
			TableColumn.required("录取学校/班级", 80), TableColumn.optional("状态", 20));

	private final CsvTableImporter importer = new CsvTableImporter();

	@Test
	void fiveThousandRowsWithThreeBadOnesAreRefusedNamingExactlyThoseLines() {
		StringBuilder csv = admissionCsv(5000);
		// row r of the data is on line r + 2 (line 1 is the header)
		List<String> lines = new java.util.ArrayList<>(List.of(csv.toString().split("\n")));
		lines.set(100, lines.get(100).replaceFirst("^张\\d+", "")); // line 101: empty name
		lines.set(2500, lines.get(2500).replace("LQ2026-", "LQ 2026/")); // line 2501: bad
																			// number
		lines.set(4999, lines.get(4999).substring(0, lines.get(4999).indexOf(",丰泽区"))); // line
																						// 5000:
																						// fields
																						// missing
		String text = String.join("\n", lines) + "\n";

		ImportedTable result = this.importer.read(text.getBytes(StandardCharsets.UTF_8), ADMISSION);

		assertThat(result.accepted()).isFalse();
		assertThat(result.rows()).as("nothing half-imported").isEmpty();
		assertThat(result.problems()).extracting(ImportedTable.Problem::line).containsExactly(101, 2501, 5000);
		assertThat(result.problems().get(0).reason()).contains("'姓名' is empty");
		assertThat(result.problems().get(1).reason()).contains("录取编号").contains("letters, digits or '-'");
		assertThat(result.problems().get(2).reason()).contains("expected 4 fields");

		ImportedTable fixed = this.importer.read(csv.toString().getBytes(StandardCharsets.UTF_8), ADMISSION);
		assertThat(fixed.accepted()).isTrue();
		assertThat(fixed.rows()).hasSize(5000);
		assertThat(fixed.rows().get(4999)).containsExactly("张04999", "LQ2026-04999", "丰泽区实验小学 一年级（2）班", "已录取");
	}

	@Test
	void gbkFilesFromChineseSpreadsheetsReadTheSameAsUtf8() {
		String csv = admissionCsv(3).toString();
		ImportedTable gbk = this.importer.read(csv.getBytes(Charset.forName("GBK")), ADMISSION);
		ImportedTable utf8WithBom = this.importer.read(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), ADMISSION);

		assertThat(gbk.accepted()).isTrue();
		assertThat(gbk.rows()).isEqualTo(utf8WithBom.rows());
		assertThat(gbk.rows().get(0).get(2)).isEqualTo("丰泽区实验小学 一年级（1）班");
	}

	@Test
	void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndLinesStillCountRight() {
		String csv = "姓名,录取编号,录取学校/班级,状态\r\n" + "\"李,明\",LQ-1,\"一年级\n（1）班\",\"说\"\"好\"\"\"\r\n" + ",LQ-2,二年级,\r\n";

		ImportedTable result = this.importer.read(csv.getBytes(StandardCharsets.UTF_8), ADMISSION);

		assertThat(result.problems()).extracting(ImportedTable.Problem::line).containsExactly(4);
		ImportedTable good = this.importer
			.read(csv.replace("\r\n,LQ-2", "\r\n王五,LQ-2").getBytes(StandardCharsets.UTF_8), ADMISSION);
		assertThat(good.rows().get(0)).containsExactly("李,明", "LQ-1", "一年级\n（1）班", "说\"好\"");
	}

	@Test
	void columnsAreMatchedByHeaderInAnyOrderAndMissingOnesAreNamed() {
		String reordered = "状态,录取学校/班级,录取编号,姓名\n已录取,二年级,LQ-9,赵六\n";
		assertThat(this.importer.read(reordered.getBytes(StandardCharsets.UTF_8), ADMISSION).rows())
			.containsExactly(List.of("赵六", "LQ-9", "二年级", "已录取"));

		ImportedTable missing = this.importer.read("姓名,状态\n赵六,已录取\n".getBytes(StandardCharsets.UTF_8), ADMISSION);
		assertThat(missing.problems()).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("missing: 录取编号, 录取学校/班级"));
	}

	@Test
	void unclosedQuoteAndEmptyFilesAreRefusedWithAReason() {
		assertThat(this.importer.read("姓名,录取编号,录取学校/班级,状态\n\"王五,LQ-1,x,y\n".getBytes(StandardCharsets.UTF_8), ADMISSION)
			.problems()).singleElement().satisfies((p) -> {
				assertThat(p.line()).isEqualTo(2);
				assertThat(p.reason()).contains("not closed");
			});
		assertThat(this.importer.read(new byte[0], ADMISSION).problems()).singleElement()
			.satisfies((p) -> assertThat(p.reason()).contains("empty"));
	}

	private static StringBuilder admissionCsv(int rows) {
		StringBuilder csv = new StringBuilder("姓名,录取编号,录取学校/班级,状态\n");
		for (int i = 0; i < rows; i++) {
			csv.append(String.format("张%05d,LQ2026-%05d,丰泽区实验小学 一年级（%d）班,已录取\n", i, i, i % 6 + 1));
		}
		return csv;
	}

}
