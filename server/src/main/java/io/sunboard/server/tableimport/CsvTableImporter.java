package io.sunboard.server.tableimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a table from CSV bytes against the columns a posting kind expects. All or
 * nothing: one bad row refuses the whole file, and every bad row is named, so the person
 * fixes them in one go.
 */
public final class CsvTableImporter {

	/**
	 * Larger files are refused before parsing; an admission list of 20,000 rows is about
	 * 2 MB.
	 */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	public static final int MAX_ROWS = 50_000;

	/** Enough for anyone to act on; the count of the rest is given. */
	static final int MAX_PROBLEMS = 200;

	public ImportedTable read(byte[] bytes, List<TableColumn> columns) {
		List<String> headers = columns.stream().map(TableColumn::header).toList();
		if (bytes.length > MAX_BYTES) {
			return refused(headers, new ImportedTable.Problem(0, "the file is " + bytes.length / 1024
					+ " KB; split it into files of at most " + MAX_BYTES / 1024 + " KB"));
		}
		List<CsvReader.Record> records = CsvReader.read(TextDecoding.decode(bytes).text());
		if (records.isEmpty()) {
			return refused(headers, new ImportedTable.Problem(1,
					"the file is empty; the first line must name the columns: " + String.join(", ", headers)));
		}
		CsvReader.Record header = records.get(0);
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < header.fields().size(); i++) {
			positions.put(header.fields().get(i).strip(), i);
		}
		List<String> missing = headers.stream().filter((h) -> !positions.containsKey(h)).toList();
		if (header.error() != null || !missing.isEmpty()) {
			return refused(headers, new ImportedTable.Problem(header.line(), "the first line must name the columns "
					+ String.join(", ", headers) + "; missing: " + String.join(", ", missing)));
		}
		if (records.size() - 1 > MAX_ROWS) {
			return refused(headers, new ImportedTable.Problem(0,
					"the file has " + (records.size() - 1) + " rows; at most " + MAX_ROWS + " per import"));
		}
		List<List<String>> rows = new ArrayList<>(records.size() - 1);
		List<ImportedTable.Problem> problems = new ArrayList<>();
		int moreProblems = 0;
		for (CsvReader.Record record : records.subList(1, records.size())) {
			String problem = check(record, header.fields().size(), columns, positions);
			if (problem == null) {
				rows.add(columns.stream().map((c) -> record.fields().get(positions.get(c.header())).strip()).toList());
			}
			else if (problems.size() < MAX_PROBLEMS) {
				problems.add(new ImportedTable.Problem(record.line(), problem));
			}
			else {
				moreProblems++;
			}
		}
		if (moreProblems > 0) {
			problems.add(new ImportedTable.Problem(0, moreProblems + " more rows have problems"));
		}
		if (!problems.isEmpty()) {
			return new ImportedTable(headers, List.of(), problems);
		}
		return new ImportedTable(headers, rows, List.of());
	}

	private static String check(CsvReader.Record record, int width, List<TableColumn> columns,
			Map<String, Integer> positions) {
		if (record.error() != null) {
			return record.error();
		}
		if (record.fields().size() != width) {
			return "expected " + width + " fields like the first line, found " + record.fields().size()
					+ " (a comma inside a value needs double quotes around the value)";
		}
		for (TableColumn column : columns) {
			String value = record.fields().get(positions.get(column.header())).strip();
			if (value.isEmpty()) {
				if (column.required()) {
					return "'" + column.header() + "' is empty";
				}
				continue;
			}
			if (value.length() > column.maxLength()) {
				return "'" + column.header() + "' is " + value.length() + " characters; at most " + column.maxLength();
			}
			if (column.pattern() != null && !column.pattern().matcher(value).matches()) {
				return "'" + column.header() + "' is '" + value + "'; expected " + column.hint();
			}
		}
		return null;
	}

	private static ImportedTable refused(List<String> headers, ImportedTable.Problem problem) {
		return new ImportedTable(headers, List.of(), List.of(problem));
	}

}
