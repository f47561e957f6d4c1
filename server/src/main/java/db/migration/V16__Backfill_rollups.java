package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.sunboard.server.ingest.RollupBackfill;

/**
 * Fills V15's rollups: play months from the daily rollup, rating days and months from the
 * hourly one. In Java because they are UTC days and months, which SQL's
 * {@code date_trunc} (session time zone) does not give on both databases.
 */
public class V16__Backfill_rollups extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		RollupBackfill.playMonths(context.getConnection());
		RollupBackfill.ratingDaysAndMonths(context.getConnection());
	}

}
