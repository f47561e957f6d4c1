package io.sunboard.templates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;
import io.sunboard.templates.KindDefinition.ColumnDefinition;
import io.sunboard.templates.KindDefinition.FieldDefinition;
import io.sunboard.templates.KindDefinition.MinimumPublicity;
import io.sunboard.templates.KindDefinition.PeriodUnit;
import io.sunboard.templates.KindDefinition.TableDefinition;

/**
 * Checks a posting's content against its kind before it may be published: mandatory
 * fields, tables and columns, the publicity period, and the rule that pupils' scores and
 * rankings are never published. Every message says what to do, in the reader's language.
 */
public final class ContentValidator {

	/** Digits with the separators people write in phone numbers, possibly several. */
	private static final Pattern PHONE = Pattern.compile("[0-9+()（）\\-\\s转、/,，;；]{3,80}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** A fee standard names an amount and what it is per: 18 元/学期, 1200元/生·学年. */
	private static final Pattern AMOUNT_WITH_UNIT = Pattern.compile(".*\\d.*[^\\d\\s.,，].*|.*[^\\d\\s.,，].*\\d.*");

	/** Enough row errors to fix a file; the rest are counted. */
	static final int MAX_ROW_ERRORS = 20;

	private final KindCatalog kinds;

	private final WorkingDays workingDays;

	/** Counts working days Monday to Friday. */
	public ContentValidator(KindCatalog kinds) {
		this(kinds, WorkingDays.MONDAY_TO_FRIDAY);
	}

	/**
	 * @param workingDays the calendar minimum periods in working days are counted with
	 * (the server passes China's holidays and make-up working days)
	 */
	public ContentValidator(KindCatalog kinds, WorkingDays workingDays) {
		this.kinds = kinds;
		this.workingDays = workingDays;
	}

	/** Everything wrong with the content; empty when it may be published. */
	public List<Violation> validate(PostingContent content, Locale locale) {
		Messages messages = new Messages(locale);
		List<Violation> violations = new ArrayList<>();
		Optional<KindDefinition> found = this.kinds.find(content.kind());
		if (found.isEmpty()) {
			violations.add(new Violation("kind.unknown", content.kind(),
					messages.get("validation.kind.unknown", content.kind(), String.join(", ", this.kinds.ids()))));
			return violations;
		}
		KindDefinition kind = found.get();
		String kindLabel = messages.label("kind", kind.id());
		if (kind.bodyRequired() && (content.body() == null || content.body().isBlank())) {
			violations.add(new Violation("body.required", "body", messages.get("validation.body.required", kindLabel)));
		}
		checkFields(content, kind, kindLabel, messages, violations);
		checkTables(content, kind, kindLabel, messages, violations);
		checkPeriod(content, kind, kindLabel, messages, violations);
		return violations;
	}

	private static void checkFields(PostingContent content, KindDefinition kind, String kindLabel, Messages messages,
			List<Violation> violations) {
		for (FieldDefinition field : kind.fields()) {
			String value = content.field(field.name());
			String label = messages.label("field", field.name());
			if (value == null) {
				if (field.required()) {
					violations.add(new Violation("field.required", field.name(),
							messages.get("validation.field.required", kindLabel, label)));
				}
			}
			else if (field.type() == KindDefinition.FieldType.PHONE && !isPhone(value)) {
				violations.add(new Violation("field.phone", field.name(),
						messages.get("validation.field.phone", label, value)));
			}
			else if (field.type() == KindDefinition.FieldType.EMAIL && !EMAIL.matcher(value.strip()).matches()) {
				violations.add(new Violation("field.email", field.name(),
						messages.get("validation.field.email", label, value)));
			}
		}
		for (String name : content.fields().keySet()) {
			if (kind.field(name).isEmpty()) {
				violations.add(new Violation("field.unknown", name,
						messages.get("validation.field.unknown", kindLabel, name)));
			}
		}
	}

	static boolean isPhone(String value) {
		String stripped = value.strip();
		return PHONE.matcher(stripped).matches() && stripped.chars().filter(Character::isDigit).count() >= 3;
	}

	private void checkTables(PostingContent content, KindDefinition kind, String kindLabel, Messages messages,
			List<Violation> violations) {
		for (TableDefinition definition : kind.tables()) {
			boolean present = content.tables()
				.stream()
				.anyMatch((table) -> table.name().equals(definition.name()) && !table.rows().isEmpty());
			if (definition.required() && !present) {
				violations.add(new Violation("table.required", definition.name(), messages
					.get("validation.table.required", kindLabel, messages.label("table", definition.name()))));
			}
		}
		for (ContentTable table : content.tables()) {
			Optional<TableDefinition> definition = kind.table(table.name());
			if (definition.isEmpty()) {
				violations.add(new Violation("table.unknown", table.name(),
						messages.get("validation.table.unknown", kindLabel, table.name())));
				continue;
			}
			checkTable(table, definition.get(), kind, kindLabel, messages, violations);
		}
	}

	private void checkTable(ContentTable table, TableDefinition definition, KindDefinition kind, String kindLabel,
			Messages messages, List<Violation> violations) {
		String tableLabel = messages.label("table", table.name());
		if (kind.pupilData()) {
			for (String column : table.columns()) {
				if (this.kinds.columnRoles().is(ColumnRoles.SCORE, column)) {
					violations.add(new Violation("table.score", table.name(),
							messages.get("validation.table.score", tableLabel, column)));
				}
			}
		}
		List<Integer> amountColumns = new ArrayList<>();
		for (ColumnDefinition column : definition.columns()) {
			int index = indexOf(table.columns(), column);
			if (index < 0) {
				violations.add(new Violation("table.column", table.name(), messages.get("validation.table.column",
						kindLabel, tableLabel, messages.label("column", column.key()))));
			}
			else if (column.amountWithUnit()) {
				amountColumns.add(index);
			}
		}
		int rowErrors = 0;
		for (int i = 0; i < table.rows().size(); i++) {
			List<String> row = table.rows().get(i);
			int rowNumber = i + 1;
			String error = null;
			if (row.size() != table.columns().size()) {
				error = messages.get("validation.table.ragged", tableLabel, rowNumber, row.size(),
						table.columns().size());
			}
			else {
				for (int index : amountColumns) {
					String cell = (row.get(index) != null) ? row.get(index).strip() : "";
					if (!AMOUNT_WITH_UNIT.matcher(cell).matches()) {
						error = messages.get("validation.table.amountWithUnit", tableLabel, rowNumber,
								table.columns().get(index), cell);
						break;
					}
				}
			}
			if (error != null) {
				rowErrors++;
				if (rowErrors <= MAX_ROW_ERRORS) {
					violations.add(new Violation("table.row", table.name() + "#" + rowNumber, error));
				}
			}
		}
		if (rowErrors > MAX_ROW_ERRORS) {
			violations.add(new Violation("table.row", table.name(),
					messages.get("validation.table.moreRows", tableLabel, rowErrors - MAX_ROW_ERRORS)));
		}
	}

	private static int indexOf(List<String> columns, ColumnDefinition column) {
		for (int i = 0; i < columns.size(); i++) {
			if (column.matches(columns.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private void checkPeriod(PostingContent content, KindDefinition kind, String kindLabel, Messages messages,
			List<Violation> violations) {
		if (!content.publicityEnd().isAfter(content.publicityStart())) {
			violations.add(new Violation("period.order", "publicityEnd", messages.get("validation.period.order")));
			return;
		}
		MinimumPublicity minimum = kind.minimumPublicity();
		if (kind.standingNotice() || minimum.amount() == 0) {
			return;
		}
		ZoneId zone = PostingRenderer.zoneOf(content.timeZone());
		long length = periodLength(content.publicityStart(), content.publicityEnd(), zone, minimum.unit(),
				this.workingDays);
		if (length < minimum.amount()) {
			String key = (minimum.unit() == PeriodUnit.WORKING_DAYS) ? "validation.period.shortWorkingDays"
					: "validation.period.shortDays";
			violations.add(new Violation("period.short", "publicityEnd",
					messages.get(key, kindLabel, minimum.amount(), length)));
		}
	}

	/**
	 * Days are whole 24-hour days; working days are the working days from the start's
	 * date to the date of the period's last moment, both included (a period ending at
	 * midnight does not count the day it ends on).
	 */
	static long periodLength(Instant start, Instant end, ZoneId zone, PeriodUnit unit, WorkingDays workingDays) {
		if (unit == PeriodUnit.DAYS) {
			return ChronoUnit.DAYS.between(start, end);
		}
		LocalDate first = start.atZone(zone).toLocalDate();
		LocalDate last = end.minusNanos(1).atZone(zone).toLocalDate();
		return workingDays.count(first, last);
	}

}
