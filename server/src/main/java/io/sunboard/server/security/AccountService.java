package io.sunboard.server.security;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.Ids;
import io.sunboard.server.audit.AuditLog;

/** Creates accounts and changes passwords; passwords are stored as bcrypt hashes only. */
@Service
public class AccountService {

	private final AccountRepository accounts;

	private final PasswordEncoder encoder;

	private final SecuritySettings settings;

	private final AuditLog audit;

	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordEncoder encoder, SecuritySettings settings, AuditLog audit,
			Clock clock) {
		this.audit = audit;
		this.accounts = accounts;
		this.encoder = encoder;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public Account create(String username, String displayName, String password, Role role, Scope scope) {
		Ids.require(username, "username");
		if (this.accounts.findByUsername(username).isPresent()) {
			throw new IllegalArgumentException("an account named '" + username + "' exists already; choose another");
		}
		requireStrong(password);
		Account account = new Account("a-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()),
				username, (displayName == null || displayName.isBlank()) ? username : displayName, role, scope, true, 0,
				null);
		this.accounts.create(account, this.encoder.encode(password), this.clock.instant());
		this.audit.record("account.created", (scope.type() == Scope.Type.SCHOOL) ? scope.id() : null, username,
				role + " " + scope.type() + ((scope.id() != null) ? " " + scope.id() : ""));
		return account;
	}

	@Transactional
	public void changePassword(String username, String current, String replacement) {
		String hash = this.accounts.passwordHash(username)
			.orElseThrow(() -> new IllegalArgumentException("no account '" + username + "'"));
		if (current == null || !this.encoder.matches(current, hash)) {
			throw new IllegalArgumentException("the current password is wrong");
		}
		requireStrong(replacement);
		this.accounts.updatePassword(username, this.encoder.encode(replacement), this.clock.instant());
		this.audit.record("account.password-changed", null, username, null);
	}

	public List<Account> findAll() {
		return this.accounts.findAll();
	}

	boolean noAccounts() {
		return this.accounts.count() == 0;
	}

	private void requireStrong(String password) {
		if (password == null || password.length() < this.settings.minPasswordLength()) {
			throw new IllegalArgumentException(
					"the password must have at least " + this.settings.minPasswordLength() + " characters");
		}
	}

}
