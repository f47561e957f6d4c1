package io.sunboard.protocol;

import java.util.List;

/**
 * A table inside a posting's content (an admission result list, a fee schedule, a
 * budget). Cells are plain text; every row has as many cells as there are columns, which
 * the kind's validation checks with a message a person can act on, so the record itself
 * only bounds sizes.
 */
public record ContentTable(String name, List<String> columns, List<List<String>> rows) {

	/** Enough for a district's admission list; a content document stays under 4 MB. */
	public static final int MAX_ROWS = 20_000;

	public static final int MAX_COLUMNS = 40;

	public static final int MAX_CELL_LENGTH = 2_000;

	public ContentTable {
		Checks.text(name, "table name", 64);
		columns = Checks.list(columns, "columns of table " + name, MAX_COLUMNS);
		columns.forEach((column) -> Checks.text(column, "column of table " + name, 200));
		List<List<String>> checked = Checks.list(rows, "rows of table " + name, MAX_ROWS);
		rows = checked.stream().map((row) -> cells(row, name)).toList();
	}

	private static List<String> cells(List<String> row, String table) {
		List<String> cells = Checks.list(row, "row of table " + table, MAX_COLUMNS);
		cells.forEach((cell) -> Checks.optionalText(cell, "cell of table " + table, MAX_CELL_LENGTH));
		return cells;
	}

}
