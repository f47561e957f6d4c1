package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets H2 keep a CLOB of up to 32 KB inside its row instead of in H2's separate LOB store
 * (the default in-row limit is 256 bytes). Every stored manifest is such a CLOB, a few
 * kilobytes long, and a region-wide fan-out rewrites thousands of them: in the LOB store
 * each write creates a new LOB and a background thread deletes the old one, which made
 * storing a manifest about 2.7 times as costly (docs/scaling.md, fifth session). Larger
 * values still go to the LOB store. The setting is persistent and applies to rows written
 * from now on. PostgreSQL stores text in the row (or TOAST) by itself; nothing to do
 * there.
 */
public class V17__Inline_small_lobs_on_h2 extends BaseJavaMigration {

	static final int IN_ROW_LIMIT = 32 * 1024;

	@Override
	public void migrate(Context context) throws Exception {
		if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("SET MAX_LENGTH_INPLACE_LOB " + IN_ROW_LIMIT);
		}
	}

}
