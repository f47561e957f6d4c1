package io.sunboard.server.dashboard;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Scope;

/**
 * The dashboard as JSON, for scripts and monitoring: the same snapshot the WebSocket
 * sends first, for the caller's scope.
 */
@RestController
class DashboardApiController {

	private final DashboardViews views;

	private final AccessPolicy access;

	DashboardApiController(DashboardViews views, AccessPolicy access) {
		this.views = views;
		this.access = access;
	}

	@GetMapping("/api/v1/dashboard")
	DashboardMessages.Snapshot dashboard(@RequestParam(required = false) String schoolId,
			@RequestParam(required = false) String health, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Scope scope = this.access.currentUser().scope();
		DashboardView view;
		try {
			view = this.views.view(scope, schoolId, health, page, size);
		}
		catch (DashboardViews.OutOfScope ex) {
			throw new AccessDeniedException(ex.getMessage());
		}
		return this.views.snapshot(scope, view);
	}

}
