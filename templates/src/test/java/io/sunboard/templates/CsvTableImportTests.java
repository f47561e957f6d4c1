package io.sunboard.templates;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.ContentTable;
import io.sunboard.templates.CsvTableImport.LineError;
import io.sunboard.templates.CsvTableImport.Result;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableImportTests {

	private static final CsvTableImport csv = new CsvTableImport(KindCatalog.standard());

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static Result admission(byte[] bytes) {
		return csv.read(bytes, "admission", "results", ZH);
	}

	/** Line 1 is the header; row n is on line n + 1. */
	private static String admissionCsv(int rows, boolean withBadRows) {
		StringBuilder out = new StringBuilder("姓名,录取编号,录取学校,状态\r\n");
		for (int i = 1; i <= rows; i++) {
			int line = i + 1;
			if (withBadRows && line == 101) {
				out.append("张三,20260100,一年级（1）班\r\n");
			}
			else if (withBadRows && line == 2502) {
				out.append(",20262501,一年级（2）班,已录取\r\n");
			}
			else if (withBadRows && line == 4999) {
				out.append("李四,20264998,一年级（3）班,已录取,多余\r\n");
			}
			else {
				out.append("学生")
					.append(i)
					.append(',')
					.append(20260000 + i)
					.append(",一年级（")
					.append(i % 6 + 1)
					.append("）班,已录取\r\n");
			}
		}
		return out.toString();
	}

	@Test
	void admissionListOfFiveThousandRowsWithThreeBadRowsIsRefusedWithTheirLineNumbers() {
		Result result = admission(admissionCsv(5000, true).getBytes(CsvTableImport.GB18030));

		assertThat(result.ok()).isFalse();
		assertThat(result.table()).isNull();
		assertThat(result.errors()).extracting(LineError::line).containsExactly(101, 2502, 4999);
		assertThat(result.errors()).extracting(LineError::message)
			.containsExactly("第 101 行有 3 个字段，表头有 4 列，请补齐或删去多余的逗号", "第 2502 行的“姓名”是空的，请填写",
					"第 4999 行有 5 个字段，表头有 4 列，请补齐或删去多余的逗号");
	}

	@Test
	void theSameFileFixedImportsCompletely() {
		Result result = admission(admissionCsv(5000, false).getBytes(CsvTableImport.GB18030));

		assertThat(result.errors()).isEmpty();
		ContentTable table = result.table();
		assertThat(table.name()).isEqualTo("results");
		assertThat(table.columns()).containsExactly("姓名", "录取编号", "录取学校", "状态");
		assertThat(table.rows()).hasSize(5000);
		assertThat(table.rows().get(4999)).containsExactly("学生5000", "20265000", "一年级（3）班", "已录取");
	}

	@Test
	void readsUtf8WithOrWithoutByteOrderMarkAndGbk() {
		String text = "姓名,录取编号,录取学校,状态\n欧阳娜娜,1,一年级（1）班,已录取\n";
		byte[] bom = { (byte) 0xef, (byte) 0xbb, (byte) 0xbf };
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[bom.length + utf8.length];
		System.arraycopy(bom, 0, withBom, 0, bom.length);
		System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);

		for (byte[] bytes : List.of(utf8, withBom, text.getBytes(java.nio.charset.Charset.forName("GBK")))) {
			Result result = admission(bytes);
			assertThat(result.errors()).isEmpty();
			assertThat(result.table().columns().get(0)).isEqualTo("姓名");
			assertThat(result.table().rows().get(0).get(0)).isEqualTo("欧阳娜娜");
		}
	}

	@Test
	void quotedCellsHoldCommasQuotesAndLineBreaksAndLineNumbersStayRight() {
		String text = "姓名,录取编号,录取学校,状态\n" + "\"张,三\",1,\"一年级\n（1）班\",\"已\"\"录取\"\"\"\n" + "李四,2,一年级\n";

		Result result = admission(text.getBytes(StandardCharsets.UTF_8));

		assertThat(result.errors()).extracting(LineError::line).containsExactly(4);
		String fixed = text.replace("李四,2,一年级\n", "李四,2,一年级,已录取\n");
		assertThat(admission(fixed.getBytes(StandardCharsets.UTF_8)).table().rows().get(0)).containsExactly("张,三", "1",
				"一年级\n（1）班", "已\"录取\"");
	}

	@Test
	void headerMustHaveTheKindsColumnsOnceEach() {
		Result result = admission("姓名,姓名,状态\n张三,张三,已录取\n".getBytes(StandardCharsets.UTF_8));

		assertThat(result.errors()).extracting(LineError::line).containsOnly(1);
		assertThat(result.errors()).extracting(LineError::message)
			.contains("表头中“姓名”出现了不止一次，请让列名各不相同")
			.anySatisfy((message) -> assertThat(message).startsWith("表头缺少“录取编号”列"));
	}

	@Test
	void unclosedQuoteIsReportedWhereItOpens() {
		Result result = admission("姓名,录取编号,录取学校,状态\n张三,1,一年级,已录取\n\"李四,2,一年级,已录取\n".getBytes(StandardCharsets.UTF_8));

		assertThat(result.errors()).extracting(LineError::line).containsExactly(3);
		assertThat(result.ok()).isFalse();
	}

	@Test
	void blankLinesAreSkippedAndAnEmptyFileIsRefused() {
		Result result = admission("姓名,录取编号,录取学校,状态\n\n张三,1,一年级,已录取\n,,,\n".getBytes(StandardCharsets.UTF_8));

		assertThat(result.table().rows()).hasSize(1);
		assertThat(admission(new byte[0]).errors()).extracting(LineError::message)
			.containsExactly("文件是空的，请导出包含表头的 CSV 文件");
		assertThat(admission("姓名,录取编号,录取学校,状态\n".getBytes(StandardCharsets.UTF_8)).errors()).extracting(LineError::line)
			.containsExactly(2);
	}

	@Test
	void messagesFollowTheLocale() {
		Result result = csv.read("姓名,录取编号,录取学校,状态\n张三,1\n".getBytes(StandardCharsets.UTF_8), "admission", "results",
				Locale.ENGLISH);

		assertThat(result.errors()).extracting(LineError::message)
			.containsExactly(
					"Line 2 has 2 fields but the header has 4 columns: fill in the missing ones or remove extra commas");
	}

}
