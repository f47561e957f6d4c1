package io.sunboard.templates;

import java.util.List;
import java.util.Optional;

/**
 * One posting kind as administrators configure it in {@code kinds.json}: which fields and
 * tables its structured body has, which template shows it and the rules it carries.
 *
 * @param id the {@code kind} of a content document, e.g. {@code fee-notice}
 * @param template the Thymeleaf template, e.g. {@code posting/structured}
 * @param minimumPublicity the shortest publicity period the kind may have
 * @param highRisk whether drafting and approving need two different people
 * @param standingNotice whether it stays up until replaced (a fee board)
 * @param bodyRequired whether the free text body must be filled in
 * @param pupilData whether its tables list pupils, so scores and rankings are refused
 * @param maskNames whether names in its tables are masked (张*明) on public surfaces
 * @param channel which channel the page shows (complaint, appeal, objection, feedback),
 * or {@code null}
 * @param fields its named fields in display order
 * @param tables its tables
 */
public record KindDefinition(String id, String template, MinimumPublicity minimumPublicity, boolean highRisk,
		boolean standingNotice, boolean bodyRequired, boolean pupilData, boolean maskNames, String channel,
		List<FieldDefinition> fields, List<TableDefinition> tables) {

	public KindDefinition {
		if (id == null || !id.matches("[a-z][a-z0-9-]{0,63}")) {
			throw new IllegalArgumentException("kind ids are lower-case letters, digits and '-'; got " + id);
		}
		if (template == null || template.isBlank()) {
			throw new IllegalArgumentException("kind " + id + " needs a template");
		}
		minimumPublicity = (minimumPublicity != null) ? minimumPublicity : MinimumPublicity.NONE;
		fields = (fields != null) ? List.copyOf(fields) : List.of();
		tables = (tables != null) ? List.copyOf(tables) : List.of();
	}

	public Optional<FieldDefinition> field(String name) {
		return this.fields.stream().filter((field) -> field.name().equals(name)).findFirst();
	}

	public Optional<TableDefinition> table(String name) {
		return this.tables.stream().filter((table) -> table.name().equals(name)).findFirst();
	}

	/** What kind of value a field holds; decides its check and how it is shown. */
	public enum FieldType {

		TEXT, MULTILINE, PHONE, EMAIL

	}

	/**
	 * A named field.
	 *
	 * @param channel whether it belongs to the complaint / appeal / objection channel:
	 * such fields are the school's official contacts, shown in the channel box and never
	 * masked
	 */
	public record FieldDefinition(String name, FieldType type, boolean required, boolean channel) {

		public FieldDefinition {
			if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]{0,63}")) {
				throw new IllegalArgumentException("field names are letters and digits; got " + name);
			}
			type = (type != null) ? type : FieldType.TEXT;
		}

	}

	/** A table and the columns it must have (matched by any alias, ignoring case). */
	public record TableDefinition(String name, boolean required, List<ColumnDefinition> columns) {

		public TableDefinition {
			columns = (columns != null) ? List.copyOf(columns) : List.of();
		}

	}

	/**
	 * A required column.
	 *
	 * @param amountWithUnit whether every cell must state an amount and its unit (a fee
	 * standard such as 18 元/学期)
	 */
	public record ColumnDefinition(String key, List<String> aliases, boolean amountWithUnit) {

		public ColumnDefinition {
			aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
		}

		public boolean matches(String column) {
			String normalized = ColumnRoles.normalize(column);
			return this.aliases.stream().anyMatch((alias) -> ColumnRoles.normalize(alias).equals(normalized));
		}

	}

	/** The shortest publicity period, counted in calendar days or working days. */
	public record MinimumPublicity(int amount, PeriodUnit unit) {

		static final MinimumPublicity NONE = new MinimumPublicity(0, PeriodUnit.DAYS);

		public MinimumPublicity {
			if (amount < 0) {
				throw new IllegalArgumentException("minimum publicity must be zero or more days; got " + amount);
			}
			unit = (unit != null) ? unit : PeriodUnit.DAYS;
		}

	}

	public enum PeriodUnit {

		DAYS, WORKING_DAYS

	}

}
