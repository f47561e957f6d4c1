package io.sunboard.server.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.sunboard.server.console.ConsolePage;

/** The console's password change form. */
@Controller
@ConsolePage
class PasswordPageController {

	static final String VIEW = "account/password";

	private final AccountService accounts;

	private final AccessPolicy access;

	PasswordPageController(AccountService accounts, AccessPolicy access) {
		this.accounts = accounts;
		this.access = access;
	}

	@GetMapping("/account/password")
	String form() {
		return VIEW;
	}

	@PostMapping("/account/password")
	String change(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String repeatPassword, Model model) {
		if (!newPassword.equals(repeatPassword)) {
			model.addAttribute("error", "account.password.mismatch");
			return VIEW;
		}
		try {
			this.accounts.changePassword(this.access.currentUser().getUsername(), currentPassword, newPassword);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", "account.password.refused");
			model.addAttribute("detail", ex.getMessage());
			return VIEW;
		}
		model.addAttribute("changed", true);
		return VIEW;
	}

}
