package io.sunboard.server.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

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
		OneSchoolDatabase database = OneSchoolDatabase.with("dev-small", "dev-large");
		this.jdbc = database.jdbc();
		this.manifests = database.manifests();
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
