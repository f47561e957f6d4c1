package io.sunboard.server.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.sunboard.server.security.SunboardUser;

/**
 * What the shared console layout shows on every page: who is signed in and with which
 * role. Applies to page controllers only, not to the REST API.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

	@ModelAttribute("consoleUser")
	SunboardUser consoleUser() {
		return signedIn();
	}

	/** The signed-in account, or null; also for pages built outside a handler. */
	static SunboardUser signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth != null && auth.getPrincipal() instanceof SunboardUser user) ? user : null;
	}

}
