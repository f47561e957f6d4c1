package io.sunboard.server.console.posting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.PostingContent;
import io.sunboard.server.console.ConsoleForms;
import io.sunboard.server.posting.ContentStore;
import io.sunboard.server.posting.NewPosting;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.school.School;
import io.sunboard.templates.CsvTableImport;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.KindDefinition;

/**
 * Turns the editor's form into the request the posting service takes and back: tables
 * travel as CSV text, read by the templates' own {@link CsvTableImport} so the console
 * reports the same line-numbered errors as a file import.
 */
@Component
class PostingDrafts {

	private final KindCatalog kinds;

	private final CsvTableImport csv;

	private final ContentStore contents;

	private final JsonCodec codec;

	PostingDrafts(KindCatalog kinds, ContentStore contents, JsonCodec codec) {
		this.kinds = kinds;
		this.csv = new CsvTableImport(kinds);
		this.contents = contents;
		this.codec = codec;
	}

	/** The request, and the table errors by table name. */
	Draft toRequest(PostingForm form, School school, Locale locale) {
		KindDefinition kind = this.kinds.forRendering(form.getKind());
		Map<String, List<CsvTableImport.LineError>> errors = new LinkedHashMap<>();
		List<ContentTable> tables = new ArrayList<>();
		for (KindDefinition.TableDefinition table : kind.tables()) {
			String text = form.getTables().get(table.name());
			if (text == null || text.isBlank()) {
				continue;
			}
			CsvTableImport.Result result = this.csv.read(text.getBytes(StandardCharsets.UTF_8), kind.id(), table.name(),
					locale);
			if (result.ok()) {
				tables.add(result.table());
			}
			else {
				errors.put(table.name(), result.errors());
			}
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (KindDefinition.FieldDefinition field : kind.fields()) {
			String value = ConsoleForms.blankToNull(form.getFields().get(field.name()));
			if (value != null) {
				fields.put(field.name(), value);
			}
		}
		ZoneId zone = school.timeZone();
		Instant start = ConsoleForms.instant(form.getPublicityStart(), zone, "publicity start");
		Instant end = ConsoleForms.instant(form.getPublicityEnd(), zone, "publicity end");
		NewPosting request = new NewPosting(school.id(), form.getKind(), form.getTitle(), form.getBody(), start, end,
				fields, tables);
		return new Draft(request, errors);
	}

	/**
	 * Reads a CSV file for one table of the kind; on success its text goes into the form.
	 */
	CsvTableImport.Result importFile(byte[] bytes, String kind, String table, Locale locale) {
		return this.csv.read(bytes, kind, table, locale);
	}

	/** The form for an existing posting, from its stored content document. */
	PostingForm toForm(Posting posting, ZoneId zone) {
		PostingForm form = new PostingForm();
		form.setSchoolId(posting.schoolId());
		form.setKind(posting.kind());
		form.setTitle(posting.title());
		form.setBody(posting.body());
		form.setPublicityStart(ConsoleForms.local(posting.publicityStart(), zone));
		form.setPublicityEnd(ConsoleForms.local(posting.publicityEnd(), zone));
		PostingContent content = content(posting);
		if (content != null) {
			form.getFields().putAll(content.fields());
			content.tables().forEach((t) -> form.getTables().put(t.name(), toCsv(t)));
		}
		return form;
	}

	PostingContent content(Posting posting) {
		if (posting.contentSha256() == null) {
			return null;
		}
		return this.contents.get(posting.contentSha256()).map((c) -> {
			try {
				return this.codec.decodeContent(c.bytes());
			}
			catch (MalformedMessageException ex) {
				throw new IllegalStateException("stored content of posting " + posting.id() + " is unreadable", ex);
			}
		}).orElse(null);
	}

	static String toCsv(ContentTable table) {
		StringBuilder out = new StringBuilder();
		out.append(line(table.columns()));
		table.rows().forEach((row) -> out.append(line(row)));
		return out.toString();
	}

	private static String line(List<String> cells) {
		return cells.stream().map(PostingDrafts::cell).collect(Collectors.joining(",")) + "\n";
	}

	private static String cell(String value) {
		String text = (value != null) ? value : "";
		if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/**
	 * The service's request (holding only the tables that read cleanly) and the errors of
	 * the others.
	 */
	record Draft(NewPosting request, Map<String, List<CsvTableImport.LineError>> tableErrors) {

		boolean ok() {
			return this.tableErrors.isEmpty();
		}

	}

}
