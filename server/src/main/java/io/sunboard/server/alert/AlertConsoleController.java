package io.sunboard.server.alert;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.system.NotFoundException;

/**
 * The console's alerts page: the alerts in force with a button to clear each, and a form
 * to raise one for a school or region the account may alert. A refused raise shows the
 * page again with the text as typed, so nothing has to be written twice in a hurry.
 */
@Controller
@ConsolePage
class AlertConsoleController {

	static final String LIST = "console/alert/list";

	private static final String REDIRECT = "redirect:/console/alerts";

	private final AlertService alerts;

	private final AlertAccess access;

	private final AlertPageModel page;

	private final MessageSource messages;

	AlertConsoleController(AlertService alerts, AlertAccess access, AlertPageModel page, MessageSource messages) {
		this.alerts = alerts;
		this.access = access;
		this.page = page;
		this.messages = messages;
	}

	@GetMapping("/console/alerts")
	String list(Model model) {
		this.page.fill(model, null);
		return LIST;
	}

	/**
	 * {@code target} is the scope and id of the school or region as one value, such as
	 * {@code school:shiyan}, so the form cannot pair one scope with the other's id.
	 */
	@PostMapping("/console/alerts")
	ModelAndView raise(@RequestParam(required = false) String target, @RequestParam(required = false) String text,
			Model model, RedirectAttributes redirect, Locale locale) {
		AlertPageModel.Form form = new AlertPageModel.Form(target, text);
		AlertScope parsed = form.scope();
		String id = form.targetId();
		if (parsed == null || id == null) {
			return refuse(model, form, HttpStatus.BAD_REQUEST, message(locale, "alert.error.target.missing"));
		}
		// browsers count a line break as one character against maxlength but send two
		String body = (text != null) ? text.replace("\r\n", "\n").strip() : "";
		if (body.isEmpty()) {
			return refuse(model, form, HttpStatus.BAD_REQUEST, message(locale, "alert.error.text.blank"));
		}
		if (body.length() > AlertService.MAX_TEXT) {
			return refuse(model, form, HttpStatus.BAD_REQUEST, message(locale, "alert.error.text.tooLong",
					String.valueOf(AlertService.MAX_TEXT), String.valueOf(body.length())));
		}
		if (!this.access.allowed(parsed, id)) {
			return refuse(model, form, HttpStatus.FORBIDDEN, message(locale, "alert.error.forbidden", id));
		}
		try {
			this.alerts.raise(parsed, id, body);
		}
		catch (NotFoundException ex) {
			return refuse(model, form, HttpStatus.NOT_FOUND, message(locale, "alert.error.target.unknown", id));
		}
		redirect.addFlashAttribute("notice", message(locale, "alert.notice.raised", this.page.targetName(parsed, id)));
		return new ModelAndView(REDIRECT);
	}

	@PostMapping("/console/alerts/{scope}/{id}/clear")
	String clear(@PathVariable String scope, @PathVariable String id, RedirectAttributes redirect, Locale locale) {
		AlertScope parsed = AlertScope.find(scope);
		if (parsed == null) {
			redirect.addFlashAttribute("error", message(locale, "alert.error.scope"));
			return REDIRECT;
		}
		String name = this.page.targetName(parsed, id);
		if (!this.access.allowed(parsed, id)) {
			redirect.addFlashAttribute("error", message(locale, "alert.error.forbidden", id));
			return REDIRECT;
		}
		try {
			this.alerts.clear(parsed, id);
			redirect.addFlashAttribute("notice", message(locale, "alert.notice.cleared", name));
		}
		catch (NotFoundException ex) {
			// cleared meanwhile by someone else, or the page was stale
			redirect.addFlashAttribute("error", message(locale, "alert.error.notInForce", name));
		}
		return REDIRECT;
	}

	private ModelAndView refuse(Model model, AlertPageModel.Form form, HttpStatus status, String error) {
		this.page.fill(model, form);
		model.addAttribute("error", error);
		ModelAndView view = new ModelAndView(LIST);
		view.setStatus(status);
		return view;
	}

	private String message(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
