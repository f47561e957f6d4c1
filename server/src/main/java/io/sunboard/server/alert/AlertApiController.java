package io.sunboard.server.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertApiController {

	private final AlertService alerts;

	private final AlertAccess access;

	AlertApiController(AlertService alerts, AlertAccess access) {
		this.alerts = alerts;
		this.access = access;
	}

	/** Takes every screen of a school or region at once; replaces an alert in force. */
	@PostMapping("/api/v1/alerts")
	@ResponseStatus(HttpStatus.CREATED)
	AlertService.RaisedAlert raise(@Valid @RequestBody NewAlert request) {
		AlertScope scope = AlertScope.parse(request.scope());
		this.access.require(scope, request.id());
		return this.alerts.raise(scope, request.id(), request.text());
	}

	/** Returns the screens to their loop. */
	@DeleteMapping("/api/v1/alerts/{scope}/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear(@PathVariable String scope, @PathVariable String id) {
		AlertScope parsed = AlertScope.parse(scope);
		this.access.require(parsed, id);
		this.alerts.clear(parsed, id);
	}

	record NewAlert(@NotBlank(message = "scope is required: school or region") String scope,
			@NotBlank(message = "id is required: the school or region id") String id,
			@NotBlank(message = "text is required: the alert as screens should show it") @Size(max = 2000,
					message = "text must be at most 2000 characters") String text) {

	}

}
