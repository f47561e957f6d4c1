package io.sunboard.server.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.sunboard.server.system.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored manifests on H2 after V17: kept in the row up to 32 KB, larger ones in H2's LOB
 * store, and both read back unchanged when written, overwritten and overwritten again.
 */
class DeviceManifestStorageIT {

	private static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");

	private JdbcClient jdbc;

	private DeviceManifestRepository manifests;

	@BeforeEach
	void database() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:manifests-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.manifests = new DeviceManifestRepository(this.jdbc, new JdbcTemplate(dataSource));
		this.jdbc.sql("insert into region (id, name) values ('r1', 'r')").update();
		this.jdbc.sql("insert into school (id, region_id, name, time_zone) values ('s1', 'r1', 's', 'Asia/Shanghai')")
			.update();
		for (String device : List.of("dev-small", "dev-large")) {
			this.jdbc
				.sql("insert into device (id, school_id, name, profile, secret_sha256, active, created_at)"
						+ " values (?, 's1', 'd', 'LOBBY', ?, true, ?)")
				.params(device, "0".repeat(64), Jdbc.utc(T0))
				.update();
		}
	}

	@Test
	void theMigrationRaisesH2sInRowLimitForLobs() {
		assertThat(this.jdbc
			.sql("select setting_value from information_schema.settings where setting_name = 'MAX_LENGTH_INPLACE_LOB'")
			.query(String.class)
			.single()).isEqualTo("32768");
	}

	@Test
	void manifestsInTheRowAndInTheLobStoreReadBackUnchangedAcrossOverwrites() {
		for (int version = 1; version <= 3; version++) {
			// a typical manifest (a few KB, in the row) and one past the in-row limit
			String small = payload("小", 3_000, version);
			String large = payload("大", 50_000, version);
			Set<String> existing = (version == 1) ? Set.of() : Set.of("dev-small", "dev-large");
			this.manifests.saveAll(
					List.of(new DeviceManifestRepository.Stored("dev-small", version, "h" + version, small),
							new DeviceManifestRepository.Stored("dev-large", version, "h" + version, large)),
					existing, T0.plusSeconds(version));
			assertThat(this.manifests.find("dev-small").orElseThrow().payload()).isEqualTo(small);
			assertThat(this.manifests.find("dev-large").orElseThrow().payload()).isEqualTo(large);
			assertThat(this.manifests.currentBySchool("s1")).containsEntry("dev-small",
					new DeviceManifestRepository.Current(version, "h" + version));
		}
	}

	private static String payload(String character, int length, int version) {
		return "{\"version\":" + version + ",\"title\":\"" + character.repeat(length) + "\"}";
	}

}
