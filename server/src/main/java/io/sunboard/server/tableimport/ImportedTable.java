package io.sunboard.server.tableimport;

import java.util.List;

/**
 * The outcome of an import: the rows (in the expected column order) when every row was
 * good, or the problems, each with the line of the file it is on. Never both.
 */
public record ImportedTable(List<String> columns, List<List<String>> rows, List<Problem> problems) {

	public ImportedTable {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
		problems = List.copyOf(problems);
		if (!problems.isEmpty() && !rows.isEmpty()) {
			throw new IllegalArgumentException("a refused import holds no rows");
		}
	}

	public boolean accepted() {
		return this.problems.isEmpty();
	}

	/** What is wrong on one line of the file (line 1 is the header). */
	public record Problem(int line, String reason) {

		@Override
		public String toString() {
			return "line " + this.line + ": " + this.reason;
		}

	}

}
