package io.sunboard.server.report;

/**
 * The from and where clauses that restrict a table with {@code device_id} and
 * {@code posting_id} columns to a report's subject, bound as {@code :subject}. A school
 * or region is joined from its screens, so the database reads the (device, bucket) index
 * of each screen: H2 turned the {@code device_id in (subquery)} this used to be into a
 * scan of the whole table.
 */
final class ReportFilter {

	private ReportFilter() {
	}

	/**
	 * {@code from
	 *
	<table>
	 *  <alias> ... where <subject>}, for the caller to add "and ...".
	 */
	static String rows(ReportQuery.Subject subject, String table, String alias) {
		String a = alias + ".";
		return switch (subject) {
			case POSTING -> " from " + table + " " + alias + " where " + a + "posting_id = :subject";
			case DEVICE -> " from " + table + " " + alias + " where " + a + "device_id = :subject";
			case SCHOOL -> " from device sd join " + table + " " + alias + " on " + a
					+ "device_id = sd.id where sd.school_id = :subject";
			case REGION -> " from school ss join device sd on sd.school_id = ss.id join " + table + " " + alias + " on "
					+ a + "device_id = sd.id where ss.region_id = :subject";
		};
	}

}
