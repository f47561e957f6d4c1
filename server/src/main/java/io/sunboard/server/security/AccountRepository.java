package io.sunboard.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.sunboard.server.system.Jdbc;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(Account a, String passwordHash, Instant now) {
		this.jdbc
			.sql("insert into account (id, username, display_name, password_hash, role, scope_type, scope_id, enabled,"
					+ " failed_logins, created_at, password_changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
			.params(a.id(), a.username(), a.displayName(), passwordHash, a.role().name(), a.scope().type().name(),
					a.scope().id(), a.enabled(), Jdbc.utc(now), Jdbc.utc(now))
			.update();
	}

	Optional<Account> findByUsername(String username) {
		return this.jdbc.sql("select * from account where username = ?")
			.param(username)
			.query(AccountRepository::map)
			.optional();
	}

	Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from account where username = ?")
			.param(username)
			.query(String.class)
			.optional();
	}

	List<Account> findAll() {
		return this.jdbc.sql("select * from account order by username").query(AccountRepository::map).list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	void updatePassword(String username, String passwordHash, Instant now) {
		this.jdbc.sql("update account set password_hash = ?, password_changed_at = ? where username = ?")
			.params(passwordHash, Jdbc.utc(now), username)
			.update();
	}

	void recordFailure(String username, int lockAfter, Instant lockUntil) {
		this.jdbc.sql("update account set failed_logins = failed_logins + 1 where username = ?")
			.param(username)
			.update();
		this.jdbc
			.sql("update account set locked_until = ?, failed_logins = 0 where username = ? and failed_logins >= ?")
			.params(Jdbc.utc(lockUntil), username, lockAfter)
			.update();
	}

	void recordSuccess(String username) {
		this.jdbc.sql("update account set failed_logins = 0, locked_until = null where username = ?")
			.param(username)
			.update();
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		Scope.Type type = Scope.Type.valueOf(rs.getString("scope_type"));
		return new Account(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), new Scope(type, rs.getString("scope_id")), rs.getBoolean("enabled"),
				rs.getInt("failed_logins"), Jdbc.instant(rs, "locked_until"));
	}

}
