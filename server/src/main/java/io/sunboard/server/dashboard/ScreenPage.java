package io.sunboard.server.dashboard;

import java.util.List;

/** One page of screens and how many screens the filter matches in all. */
public record ScreenPage(List<ScreenRow> rows, long total) {

	public ScreenPage {
		rows = List.copyOf(rows);
	}

}
