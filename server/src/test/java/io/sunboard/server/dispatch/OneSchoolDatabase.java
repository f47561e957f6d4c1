package io.sunboard.server.dispatch;

import java.time.Instant;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.sunboard.server.system.Jdbc;

/**
 * A migrated in-memory H2 database with region {@code r1}, its school {@code s1} and the
 * given active screens, for the tests that need stored rows but no server.
 */
public record OneSchoolDatabase(JdbcClient jdbc, JdbcTemplate batches) {

	public static OneSchoolDatabase with(String... devices) {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:dispatch-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("insert into region (id, name) values ('r1', 'r')").update();
		jdbc.sql("insert into school (id, region_id, name, time_zone) values ('s1', 'r1', 's', 'Asia/Shanghai')")
			.update();
		for (String device : devices) {
			jdbc.sql("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
					+ " values (?, 's1', 'd', 'LOBBY', ?, true, ?)")
				.params(device, "0".repeat(64), Jdbc.utc(Instant.parse("2026-12-04T00:00:00Z")))
				.update();
		}
		return new OneSchoolDatabase(jdbc, new JdbcTemplate(dataSource));
	}

	DeviceManifestRepository manifests() {
		return new DeviceManifestRepository(this.jdbc, this.batches);
	}

}
