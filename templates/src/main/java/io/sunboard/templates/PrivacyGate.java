package io.sunboard.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.sunboard.protocol.ContentTable;
import io.sunboard.protocol.PostingContent;
import io.sunboard.templates.KindDefinition.FieldDefinition;

/**
 * Masks personal data in a posting before any public surface shows it. Applied by the
 * renderer to every page, so no template can forget it: ID and mobile numbers everywhere,
 * and in tables the columns recognised as names (when the kind masks names), addresses
 * and phones. The kind's channel fields are the school's official contacts and stay as
 * written.
 */
public final class PrivacyGate {

	private final KindCatalog kinds;

	public PrivacyGate(KindCatalog kinds) {
		this.kinds = kinds;
	}

	public PostingContent apply(PostingContent content) {
		KindDefinition kind = this.kinds.forRendering(content.kind());
		Map<String, String> fields = new LinkedHashMap<>();
		content.fields().forEach((name, value) -> {
			boolean official = kind.field(name).map(FieldDefinition::channel).orElse(false);
			fields.put(name, official ? value : Masking.text(value));
		});
		List<ContentTable> tables = content.tables().stream().map((table) -> mask(table, kind)).toList();
		return new PostingContent(content.schema(), content.postingId(), content.kind(), Masking.text(content.title()),
				Masking.text(content.body()), content.publicityStart(), content.publicityEnd(), content.schoolName(),
				content.timeZone(), fields, tables, content.attachments());
	}

	private ContentTable mask(ContentTable table, KindDefinition kind) {
		List<UnaryOperator<String>> maskers = new ArrayList<>();
		ColumnRoles roles = this.kinds.columnRoles();
		for (String column : table.columns()) {
			if (kind.maskNames() && roles.is(ColumnRoles.NAME, column)) {
				maskers.add((cell) -> Masking.name(Masking.text(cell)));
			}
			else if (roles.is(ColumnRoles.ADDRESS, column)) {
				maskers.add(Masking::address);
			}
			else if (roles.is(ColumnRoles.PHONE, column)) {
				maskers.add(Masking::phone);
			}
			else {
				maskers.add(Masking::text);
			}
		}
		List<List<String>> rows = new ArrayList<>(table.rows().size());
		for (List<String> row : table.rows()) {
			List<String> masked = new ArrayList<>(row.size());
			for (int i = 0; i < row.size(); i++) {
				UnaryOperator<String> masker = (i < maskers.size()) ? maskers.get(i) : Masking::text;
				String cell = row.get(i);
				masked.add((cell == null) ? "" : masker.apply(cell));
			}
			rows.add(masked);
		}
		return new ContentTable(table.name(), table.columns(), rows);
	}

}
