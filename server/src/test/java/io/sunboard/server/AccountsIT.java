package io.sunboard.server;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts: lock-out after repeated failures, password change, weak passwords refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class AccountsIT {

	private RunningServer server;

	@BeforeAll
	void start(@TempDir Path dir) {
		this.server = RunningServer.embedded(dir).with("sunboard.security.lock-after", 3).start();
		this.server.post("/api/v1/regions", Map.of("id", "r1", "name", "区"));
		this.server.post("/api/v1/schools", Map.of("id", "s1", "regionId", "r1", "name", "校"));
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
		create("locked-editor", "right-password-1");
		assertThat(status("locked-editor", "right-password-1")).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			assertThat(status("locked-editor", "wrong-password")).isEqualTo(401);
		}
		assertThat(status("locked-editor", "right-password-1")).as("locked").isEqualTo(401);
		assertThat(status("admin", RunningServer.ADMIN_PASSWORD)).as("others unaffected").isEqualTo(200);
	}

	@Test
	void passwordChangeNeedsTheCurrentOneAndTakesEffect() {
		create("changer", "first-password-1");
		RunningServer.Response weak = this.server.send("POST", "/api/v1/account/password",
				Map.of("currentPassword", "first-password-1", "newPassword", "short"), "changer", "first-password-1");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("at least 10 characters");

		RunningServer.Response changed = this.server.send("POST", "/api/v1/account/password",
				Map.of("currentPassword", "first-password-1", "newPassword", "second-password-2"), "changer",
				"first-password-1");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(status("changer", "first-password-1")).isEqualTo(401);
		assertThat(status("changer", "second-password-2")).isEqualTo(200);
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		create("hashed", "plain-password-9");
		String hash = this.server.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select password_hash from account where username = 'hashed'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("plain-password-9");
	}

	private void create(String username, String password) {
		RunningServer.Response response = this.server.post("/api/v1/accounts", Map.of("username", username, "password",
				password, "role", "SCHOOL_EDITOR", "scopeType", "SCHOOL", "scopeId", "s1"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private int status(String username, String password) {
		return this.server.send("GET", "/api/v1/postings", null, username, password).status();
	}

}
