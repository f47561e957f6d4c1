package io.sunboard.server.tableimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.sunboard.protocol.ContentTable;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.templates.CsvTableImport;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.KindDefinition;

/**
 * {@code POST /api/v1/table-imports?kind=&table=} with the CSV as multipart part
 * {@code file}: 200 with the table, or 422 with every wrong line and what to fix.
 * Stateless: the editor puts the table into the posting it then creates or edits.
 */
@RestController
class TableImportController {

	private final CsvTableImport importer;

	private final KindCatalog kinds;

	private final AccessPolicy access;

	private final TableImportSettings settings;

	TableImportController(KindCatalog kinds, AccessPolicy access, TableImportSettings settings) {
		this.importer = new CsvTableImport(kinds);
		this.kinds = kinds;
		this.access = access;
		this.settings = settings;
	}

	@PostMapping("/api/v1/table-imports")
	ResponseEntity<?> importTable(@RequestParam String kind, @RequestParam String table,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		this.access.requireSomewhere(Permission.EDIT);
		KindDefinition definition = this.kinds.find(kind)
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown posting kind '" + kind + "'; use one of " + String.join(", ", this.kinds.ids())));
		if (definition.table(table).isEmpty()) {
			throw new IllegalArgumentException("posting kind '" + kind + "' has no table '" + table + "'"
					+ (definition.tables().isEmpty() ? "; it has no tables"
							: "; use one of " + definition.tables()
								.stream()
								.map(KindDefinition.TableDefinition::name)
								.collect(Collectors.joining(", "))));
		}
		if (file == null || file.isEmpty()) {
			throw new IllegalArgumentException(
					"send the CSV file as the multipart/form-data part 'file' (UTF-8 or GBK, header in line 1)");
		}
		if (file.getSize() > this.settings.maxSize().toBytes()) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
						"the CSV file has " + file.getSize() + " bytes; at most " + this.settings.maxSize().toBytes()
								+ " are accepted (sunboard.table-import.max-size): split the list"));
		}
		CsvTableImport.Result result = this.importer.read(bytes(file), kind, table, LocaleContextHolder.getLocale());
		if (!result.ok()) {
			return ResponseEntity.status(422)
				.body(new Refused(result.errors().stream().map((e) -> new LineError(e.line(), e.message())).toList()));
		}
		return ResponseEntity.ok(new Imported(result.table(), result.table().rows().size()));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the uploaded CSV file", ex);
		}
	}

	/** The table, ready to go into a posting's {@code tables}, and its row count. */
	record Imported(ContentTable table, int rows) {

	}

	/** Every wrong line (up to 100), numbered as an editor numbers them. */
	record Refused(List<LineError> errors) {

	}

	record LineError(int line, String reason) {

	}

}
