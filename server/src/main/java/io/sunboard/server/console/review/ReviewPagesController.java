package io.sunboard.server.console.review;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.sunboard.server.console.ConsoleForms;
import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.console.posting.StoredPostingPreview;
import io.sunboard.server.posting.DisclosureAttribute;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingRepository;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.posting.PostingStatus;
import io.sunboard.server.review.ReviewDecision;
import io.sunboard.server.review.ReviewService;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.ConflictException;
import io.sunboard.templates.KindCatalog;
import io.sunboard.templates.KindDefinition;
import io.sunboard.templates.ScreenProfile;

/**
 * The review queue and the confidentiality review form. The review service decides; this
 * page shows its refusals (such as an author approving their own high-risk posting) next
 * to the form.
 */
@Controller
@ConsolePage
class ReviewPagesController {

	static final String QUEUE = "console/review/queue";

	static final String FORM = "console/review/form";

	private final ReviewService reviews;

	private final PostingService postings;

	private final PostingRepository repository;

	private final SchoolRepository schools;

	private final KindCatalog kinds;

	private final AccessPolicy access;

	private final MessageSource messages;

	private final StoredPostingPreview preview;

	private final String contextPath;

	ReviewPagesController(ReviewService reviews, PostingService postings, PostingRepository repository,
			SchoolRepository schools, KindCatalog kinds, AccessPolicy access, MessageSource messages,
			StoredPostingPreview preview, jakarta.servlet.ServletContext servlet) {
		this.preview = preview;
		this.contextPath = servlet.getContextPath();
		this.reviews = reviews;
		this.postings = postings;
		this.repository = repository;
		this.schools = schools;
		this.kinds = kinds;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/console/review")
	String queue(Model model) {
		String me = this.access.currentUser().getUsername();
		List<Posting> waiting = this.repository.findAll()
			.stream()
			.filter((p) -> p.status() == PostingStatus.IN_REVIEW)
			.filter((p) -> this.access.allowed(Permission.REVIEW, p.schoolId()))
			.toList();
		Map<String, String> authors = waiting.stream()
			.collect(Collectors.toMap(Posting::id, (p) -> this.postings.author(p.id()).orElse("")));
		model.addAttribute("postings", waiting);
		model.addAttribute("authors", authors);
		model.addAttribute("me", me);
		model.addAttribute("highRisk",
				waiting.stream()
					.filter((p) -> this.kinds.find(p.kind()).map(KindDefinition::highRisk).orElse(false))
					.map(Posting::id)
					.collect(Collectors.toSet()));
		model.addAttribute("schools",
				this.schools.findAll().stream().collect(Collectors.toMap(School::id, Function.identity())));
		return QUEUE;
	}

	@GetMapping("/console/review/{id}")
	String form(@PathVariable String id, Model model) {
		Posting posting = this.postings.get(id);
		this.access.require(Permission.REVIEW, posting.schoolId());
		return show(model, posting);
	}

	@PostMapping("/console/review/{id}")
	String decide(@PathVariable String id, @RequestParam(required = false) ReviewDecision.Outcome decision,
			@RequestParam(required = false) String basis, @RequestParam(required = false) String conclusion,
			@RequestParam(required = false) DisclosureAttribute attribute,
			@RequestParam(required = false) String attributeReason, @RequestParam(required = false) String reason,
			Model model, Locale locale, RedirectAttributes redirect) {
		Posting posting = this.postings.get(id);
		this.access.require(Permission.REVIEW, posting.schoolId());
		ReviewDecision request = new ReviewDecision(decision, ConsoleForms.blankToNull(basis),
				ConsoleForms.blankToNull(conclusion), attribute, ConsoleForms.blankToNull(attributeReason),
				ConsoleForms.blankToNull(reason));
		model.addAttribute("decision", request);
		try {
			if (decision == null) {
				throw new IllegalArgumentException(message("review.decision.missing", locale));
			}
			this.reviews.decide(id, request);
		}
		catch (AccessDeniedException ex) {
			// the service's four-eyes rule: shown with what to do, the posting stays in
			// review
			model.addAttribute("refused", true);
			model.addAttribute("error", message("review.refused.ownPosting", locale) + " (" + ex.getMessage() + ")");
			return show(model, posting);
		}
		catch (IllegalArgumentException | ConflictException ex) {
			model.addAttribute("error", ex.getMessage());
			return show(model, posting);
		}
		redirect.addFlashAttribute("notice",
				(decision == ReviewDecision.Outcome.APPROVE) ? "review.notice.approved" : "review.notice.rejected");
		redirect.addFlashAttribute("noticeDetail", posting.title());
		return "redirect:/console/review";
	}

	private String show(Model model, Posting posting) {
		School school = this.schools.find(posting.schoolId()).orElseThrow();
		String author = this.postings.author(posting.id()).orElse(null);
		boolean highRisk = this.kinds.find(posting.kind()).map(KindDefinition::highRisk).orElse(false);
		model.addAttribute("posting", posting);
		model.addAttribute("school", school);
		model.addAttribute("author", author);
		model.addAttribute("highRisk", highRisk);
		model.addAttribute("ownHighRisk", highRisk && this.access.currentUser().getUsername().equals(author));
		model.addAttribute("history", this.reviews.history(posting.id()));
		model.addAttribute("attributes", List.of(DisclosureAttribute.values()));
		Map<String, String> previews = new java.util.LinkedHashMap<>();
		for (ScreenProfile profile : ScreenProfile.values()) {
			previews.put(profile.name().toLowerCase(Locale.ROOT),
					this.preview.page(posting, profile, LocaleContextHolder.getLocale(), this.contextPath));
		}
		// inline (srcdoc): the frames need no second request, and no framing of console
		// pages
		model.addAttribute("previews", previews);
		return FORM;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
