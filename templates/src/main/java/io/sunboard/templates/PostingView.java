package io.sunboard.templates;

import java.util.ArrayList;
import java.util.List;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;
import io.sunboard.templates.KindDefinition.FieldDefinition;

/**
 * What a posting template shows, built from content that has passed the privacy gate:
 * labelled fields, the channel box and tables cut into pages for the screen. Everything
 * in it is plain text that templates print escaped.
 */
final class PostingView {

	private PostingView() {
	}

	/** A field with its label; multi-line values keep their paragraphs. */
	record FieldView(String name, String label, List<List<String>> paragraphs) {

	}

	/** The complaint / appeal / objection channel: heading and contacts. */
	record ChannelView(String heading, List<Entry> entries) {

	}

	record Entry(String label, String value) {

	}

	/** A table split into pages the player shows in turn; the first is visible. */
	record TableView(String name, String label, List<String> columns, int rowCount, List<TablePage> pages) {

	}

	record TablePage(int number, int count, boolean first, List<List<String>> rows) {

	}

	static List<FieldView> fields(PostingContent content, KindDefinition kind, Messages messages) {
		List<FieldView> views = new ArrayList<>();
		for (FieldDefinition field : kind.fields()) {
			String value = content.field(field.name());
			if (value != null && !field.channel()) {
				views.add(
						new FieldView(field.name(), messages.label("field", field.name()), BodyText.paragraphs(value)));
			}
		}
		return views;
	}

	static ChannelView channel(PostingContent content, KindDefinition kind, Messages messages) {
		List<Entry> entries = new ArrayList<>();
		for (FieldDefinition field : kind.fields()) {
			String value = content.field(field.name());
			if (value != null && field.channel()) {
				entries.add(new Entry(messages.label("field", field.name()), value.strip()));
			}
		}
		if (kind.channel() == null && entries.isEmpty()) {
			return null;
		}
		String heading = (kind.channel() != null) ? messages.label("channel", kind.channel())
				: messages.label("channel", "feedback");
		return new ChannelView(heading, entries);
	}

	static List<TableView> tables(PostingContent content, Messages messages, int rowsPerPage) {
		List<TableView> views = new ArrayList<>();
		for (ContentTable table : content.tables()) {
			List<List<String>> rows = table.rows();
			int count = Math.max(1, (rows.size() + rowsPerPage - 1) / rowsPerPage);
			List<TablePage> pages = new ArrayList<>(count);
			for (int page = 0; page < count; page++) {
				List<List<String>> slice = rows.subList(page * rowsPerPage,
						Math.min(rows.size(), (page + 1) * rowsPerPage));
				pages.add(new TablePage(page + 1, count, page == 0, slice));
			}
			views.add(new TableView(table.name(), messages.label("table", table.name()), table.columns(), rows.size(),
					pages));
		}
		return views;
	}

}
