package io.sunboard.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * RFC 4180 records: comma-separated, fields in double quotes may hold commas, line breaks
 * and doubled quotes; CRLF, LF and CR all end a line. Each record knows the line it
 * starts on, so errors point where an editor shows them.
 */
final class CsvRecords {

	private CsvRecords() {
	}

	static List<CsvTableImport.Record> parse(String text, IntConsumer unclosedQuoteAt) {
		List<CsvTableImport.Record> records = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		int quoteLine = 0;
		boolean quoted = false;
		boolean any = false;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < length && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
						line++;
					}
					cell.append(c);
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					quoted = true;
					quoteLine = line;
					any = true;
				}
				case ',' -> {
					cells.add(cell.toString());
					cell.setLength(0);
					any = true;
				}
				case '\r', '\n' -> {
					if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
						i++;
					}
					if (any || cell.length() > 0) {
						cells.add(cell.toString());
						records.add(new CsvTableImport.Record(recordLine, List.copyOf(cells)));
					}
					cells.clear();
					cell.setLength(0);
					any = false;
					line++;
					recordLine = line;
				}
				default -> {
					cell.append(c);
					any = true;
				}
			}
		}
		if (quoted) {
			unclosedQuoteAt.accept(quoteLine);
			return records;
		}
		if (any || cell.length() > 0) {
			cells.add(cell.toString());
			records.add(new CsvTableImport.Record(recordLine, List.copyOf(cells)));
		}
		return records;
	}

}
