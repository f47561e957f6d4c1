package io.sunboard.server.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import io.sunboard.server.system.ConflictException;
import io.sunboard.server.system.NotFoundException;

/**
 * The same outcomes as the API's errors, for people: a console page that fails answers
 * with the status and the reason on a page of the console (its header, a way back), not
 * with a JSON document a secretary cannot read. Before the API's handlers, for
 * {@link ConsolePage} controllers only.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

	static final String VIEW = "console/error";

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ModelAndView invalid(IllegalArgumentException ex) {
		return page(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return page(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden(AccessDeniedException ex) {
		return page(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	private static ModelAndView page(HttpStatus status, String detail) {
		ModelAndView page = new ModelAndView(VIEW, status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		// the model of the failed handler is gone; the header still shows who is signed
		// in
		page.addObject("consoleUser", ConsoleModel.signedIn());
		return page;
	}

}
