package io.sunboard.server.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountApiController {

	private final AccountService accounts;

	private final AccessPolicy access;

	AccountApiController(AccountService accounts, AccessPolicy access) {
		this.accounts = accounts;
		this.access = access;
	}

	@PostMapping("/api/v1/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	Account create(@Valid @RequestBody NewAccount request) {
		SunboardUser user = this.access.currentUser();
		Scope scope = new Scope(request.scopeType(), request.scopeId());
		if (user.role() != Role.DISTRICT_ADMIN || !this.access.mayGrant(scope)) {
			throw new AccessDeniedException("account '" + user.getUsername() + "' may not create accounts with scope "
					+ scope.type() + " " + scope.id());
		}
		return this.accounts.create(request.username(), request.displayName(), request.password(), request.role(),
				scope);
	}

	@GetMapping("/api/v1/accounts")
	List<Account> list() {
		SunboardUser user = this.access.currentUser();
		if (user.role() != Role.DISTRICT_ADMIN && user.role() != Role.AUDITOR) {
			throw new AccessDeniedException("only administrators and auditors list accounts");
		}
		return this.accounts.findAll().stream().filter((a) -> this.access.mayGrant(a.scope())).toList();
	}

	@PostMapping("/api/v1/account/password")
	void changePassword(@Valid @RequestBody PasswordChange request) {
		this.accounts.changePassword(this.access.currentUser().getUsername(), request.currentPassword(),
				request.newPassword());
	}

	record NewAccount(@NotBlank(message = "username is required") String username, String displayName,
			@NotBlank(message = "password is required") String password,
			@NotNull(message = "role is required: DISTRICT_ADMIN, SCHOOL_EDITOR, REVIEWER or AUDITOR") Role role,
			@NotNull(message = "scopeType is required: ALL, REGION or SCHOOL") Scope.Type scopeType, String scopeId) {

	}

	record PasswordChange(@NotBlank(message = "currentPassword is required") String currentPassword,
			@NotBlank(message = "newPassword is required") String newPassword) {

	}

}
