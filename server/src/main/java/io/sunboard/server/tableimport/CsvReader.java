package io.sunboard.server.tableimport;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, optionally in double quotes, a quote
 * inside a quoted field written twice, line breaks allowed inside quotes. Each record
 * remembers the line it starts on, so errors point at the line a person sees in a text
 * editor or spreadsheet.
 */
final class CsvReader {

	private CsvReader() {
	}

	static List<Record> read(String text) {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int line = 1;
		int recordLine = 1;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < length && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					if (field.length() == 0 && !fieldStarted) {
						quoted = true;
						fieldStarted = true;
					}
					else {
						field.append(c);
					}
				}
				case ',' -> {
					fields.add(field.toString());
					field.setLength(0);
					fieldStarted = false;
				}
				case '\r' -> {
					// CRLF or a lone CR ends the record like LF does
					if (i + 1 < length && text.charAt(i + 1) == '\n') {
						continue;
					}
					endRecord(records, fields, field, recordLine);
					fieldStarted = false;
					line++;
					recordLine = line;
				}
				case '\n' -> {
					endRecord(records, fields, field, recordLine);
					fieldStarted = false;
					line++;
					recordLine = line;
				}
				default -> {
					field.append(c);
					fieldStarted = true;
				}
			}
		}
		if (quoted) {
			records.add(new Record(recordLine, List.of(), "a quoted field is not closed (missing \")"));
			return records;
		}
		if (field.length() > 0 || !fields.isEmpty()) {
			endRecord(records, fields, field, recordLine);
		}
		return records;
	}

	private static void endRecord(List<Record> records, List<String> fields, StringBuilder field, int line) {
		fields.add(field.toString());
		field.setLength(0);
		boolean blank = fields.size() == 1 && fields.get(0).isBlank();
		if (!blank) {
			records.add(new Record(line, List.copyOf(fields), null));
		}
		fields.clear();
	}

	/**
	 * One CSV record and the line it starts on; {@code error} when it could not be read.
	 */
	record Record(int line, List<String> fields, String error) {

	}

}
