package io.sunboard.templates;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.sunboard.protocol.ContentTable;
import io.sunboard.templates.KindDefinition.ColumnDefinition;
import io.sunboard.templates.KindDefinition.TableDefinition;

/**
 * Reads a table of a posting from a CSV file as spreadsheets save it: UTF-8 (with or
 * without a byte-order mark) or GBK/GB18030, which Excel on a Chinese Windows writes. The
 * first record is the header. All or nothing: when any line is wrong, no table is
 * returned and every wrong line is reported with its number and what to fix.
 */
public final class CsvTableImport {

	/** Chinese Excel's "CSV" is GBK; GB18030 reads all of GBK and more. */
	static final Charset GB18030 = Charset.forName("GB18030");

	/** Enough errors to fix a file in one go without drowning the reader. */
	static final int MAX_ERRORS = 100;

	private final KindCatalog kinds;

	public CsvTableImport(KindCatalog kinds) {
		this.kinds = kinds;
	}

	/**
	 * The outcome: either a table (no errors) or the errors (no table).
	 */
	public record Result(ContentTable table, List<LineError> errors) {

		public boolean ok() {
			return this.table != null;
		}

	}

	/** A wrong line of the file, numbered as an editor numbers it (the header is 1). */
	public record LineError(int line, String message) {

	}

	/**
	 * Imports {@code csv} as the table {@code tableName} of the kind {@code kindId}:
	 * every row must have as many cells as the header, and the kind's required columns
	 * must be present and filled in.
	 */
	public Result read(byte[] csv, String kindId, String tableName, Locale locale) {
		Messages messages = new Messages(locale);
		List<LineError> errors = new ArrayList<>();
		String text = decode(csv);
		List<Record> records = CsvRecords.parse(text,
				(line) -> errors.add(new LineError(line, messages.get("import.unclosedQuote", line))));
		if (records.isEmpty()) {
			errors.add(new LineError(1, messages.get("import.empty")));
			return new Result(null, errors);
		}
		Record header = records.get(0);
		List<String> columns = header.cells().stream().map(String::strip).toList();
		checkHeader(columns, kindId, tableName, messages, errors);
		List<Integer> requiredIndexes = requiredColumns(columns, kindId, tableName);
		List<List<String>> rows = new ArrayList<>(records.size());
		for (Record record : records.subList(1, records.size())) {
			if (record.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			String error = rowError(record, columns, requiredIndexes, messages);
			if (error != null) {
				errors.add(new LineError(record.line(), error));
			}
			else {
				rows.add(record.cells().stream().map(String::strip).toList());
			}
		}
		if (rows.size() > ContentTable.MAX_ROWS) {
			errors.add(new LineError(1, messages.get("import.tooManyRows", rows.size(), ContentTable.MAX_ROWS)));
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new LineError(2, messages.get("import.noRows")));
		}
		if (!errors.isEmpty()) {
			List<LineError> shown = errors.stream()
				.sorted(Comparator.comparingInt(LineError::line))
				.limit(MAX_ERRORS)
				.toList();
			return new Result(null, shown);
		}
		return new Result(new ContentTable(tableName, columns, rows), List.of());
	}

	private void checkHeader(List<String> columns, String kindId, String tableName, Messages messages,
			List<LineError> errors) {
		Set<String> seen = new HashSet<>();
		for (String column : columns) {
			if (column.isEmpty()) {
				errors.add(new LineError(1, messages.get("import.blankColumn")));
			}
			else if (!seen.add(column)) {
				errors.add(new LineError(1, messages.get("import.duplicateColumn", column)));
			}
			else if (column.length() > 200) {
				errors.add(new LineError(1, messages.get("import.longColumn", column.substring(0, 20))));
			}
		}
		if (columns.size() > ContentTable.MAX_COLUMNS) {
			errors
				.add(new LineError(1, messages.get("import.tooManyColumns", columns.size(), ContentTable.MAX_COLUMNS)));
		}
		for (ColumnDefinition required : definition(kindId, tableName).map(TableDefinition::columns)
			.orElse(List.of())) {
			if (columns.stream().noneMatch(required::matches)) {
				errors.add(new LineError(1, messages.get("import.missingColumn",
						messages.label("column", required.key()), String.join("、", required.aliases()))));
			}
		}
	}

	private List<Integer> requiredColumns(List<String> columns, String kindId, String tableName) {
		List<Integer> indexes = new ArrayList<>();
		for (ColumnDefinition required : definition(kindId, tableName).map(TableDefinition::columns)
			.orElse(List.of())) {
			for (int i = 0; i < columns.size(); i++) {
				if (required.matches(columns.get(i))) {
					indexes.add(i);
					break;
				}
			}
		}
		return indexes;
	}

	private Optional<TableDefinition> definition(String kindId, String tableName) {
		return this.kinds.find(kindId).flatMap((kind) -> kind.table(tableName));
	}

	private static String rowError(Record record, List<String> columns, List<Integer> required, Messages messages) {
		List<String> cells = record.cells();
		if (cells.size() != columns.size()) {
			return messages.get("import.cellCount", record.line(), cells.size(), columns.size());
		}
		for (int index : required) {
			if (cells.get(index).isBlank()) {
				return messages.get("import.blankCell", record.line(), columns.get(index));
			}
		}
		for (int i = 0; i < cells.size(); i++) {
			if (cells.get(i).length() > ContentTable.MAX_CELL_LENGTH) {
				return messages.get("import.longCell", record.line(), columns.get(i), ContentTable.MAX_CELL_LENGTH);
			}
		}
		return null;
	}

	/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), otherwise GB18030. */
	static String decode(byte[] bytes) {
		int offset = (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
				&& (bytes[2] & 0xff) == 0xbf) ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, GB18030);
		}
	}

	/** One CSV record and the line it starts on. */
	record Record(int line, List<String> cells) {

	}

}
