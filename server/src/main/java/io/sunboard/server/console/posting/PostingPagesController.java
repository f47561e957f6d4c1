package io.sunboard.server.console.posting;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.sunboard.server.console.ConsoleForms;
import io.sunboard.server.console.ConsolePage;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingRepository;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.review.ReviewService;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.ConflictException;
import io.sunboard.server.system.NotFoundException;
import io.sunboard.templates.CsvTableImport;
import io.sunboard.templates.KindCatalog;

/**
 * The posting list and editor: draft any kind with its fields and tables, import a table
 * from CSV, save, and send it to review; the editor's preview frames are filled by
 * {@link PostingPreviewController}.
 */
@Controller
@ConsolePage
class PostingPagesController {

	static final String LIST = "console/posting/list";

	static final String EDIT = "console/posting/edit";

	private final PostingService service;

	private final PostingRepository postings;

	private final ReviewService reviews;

	private final SchoolRepository schools;

	private final KindCatalog kinds;

	private final PostingDrafts drafts;

	private final PostingPageModel pageModel;

	private final AccessPolicy access;

	private final Clock clock;

	PostingPagesController(PostingService service, PostingRepository postings, ReviewService reviews,
			SchoolRepository schools, KindCatalog kinds, PostingDrafts drafts, PostingPageModel pageModel,
			AccessPolicy access, Clock clock) {
		this.clock = clock;
		this.service = service;
		this.postings = postings;
		this.reviews = reviews;
		this.schools = schools;
		this.kinds = kinds;
		this.drafts = drafts;
		this.pageModel = pageModel;
		this.access = access;
	}

	@GetMapping("/console/postings")
	String list(Model model) {
		Map<String, School> bySchool = this.schools.findAll()
			.stream()
			.collect(Collectors.toMap(School::id, Function.identity()));
		model.addAttribute("schools", bySchool);
		model.addAttribute("postings", this.access.readable(this.postings.findAll(), Posting::schoolId));
		model.addAttribute("mayCreate", !editableSchools().isEmpty());
		return LIST;
	}

	@GetMapping("/console/postings/new")
	String newPosting(@RequestParam(required = false) String schoolId, @RequestParam(required = false) String kind,
			Model model) {
		List<School> editable = editableSchools();
		if (editable.isEmpty()) {
			this.access.require(Permission.EDIT, (schoolId != null) ? schoolId : "-");
		}
		School school = (schoolId != null) ? school(schoolId) : editable.get(0);
		this.access.require(Permission.EDIT, school.id());
		PostingForm form = new PostingForm();
		form.setSchoolId(school.id());
		form.setKind((kind != null && this.kinds.find(kind).isPresent()) ? kind : KindCatalog.GENERAL);
		// from the coming hour; a standing notice (a fee board) for a year, others a
		// month,
		// which covers every kind's minimum publicity period
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		boolean standing = this.kinds.forRendering(form.getKind()).standingNotice();
		form.setPublicityStart(ConsoleForms.local(start, school.timeZone()));
		form.setPublicityEnd(ConsoleForms.local(start.plus(Duration.ofDays(standing ? 365 : 30)), school.timeZone()));
		return this.pageModel.editor(model, form, null, school, editable);
	}

	@PostMapping("/console/postings")
	String create(@ModelAttribute("form") PostingForm form, @RequestParam(defaultValue = "save") String action,
			@RequestParam MultiValueMap<String, MultipartFile> files, Model model, Locale locale,
			RedirectAttributes redirect) {
		School school = school(form.getSchoolId());
		this.access.require(Permission.EDIT, school.id());
		if (importRequested(action, form, files, model, locale)) {
			return this.pageModel.editor(model, form, null, school, editableSchools());
		}
		try {
			PostingDrafts.Draft draft = this.drafts.toRequest(form, school, locale);
			if (!draft.ok()) {
				model.addAttribute("tableErrors", draft.tableErrors());
				return this.pageModel.editor(model, form, null, school, editableSchools());
			}
			Posting posting = this.service.create(draft.request());
			return afterSave(posting, action, redirect);
		}
		catch (IllegalArgumentException | ConflictException ex) {
			model.addAttribute("error", ex.getMessage());
			return this.pageModel.editor(model, form, null, school, editableSchools());
		}
	}

	@GetMapping("/console/postings/{id}")
	String show(@PathVariable String id, Model model) {
		Posting posting = this.service.get(id);
		this.access.require(Permission.READ, posting.schoolId());
		School school = school(posting.schoolId());
		return this.pageModel.editor(model, this.drafts.toForm(posting, school.timeZone()), posting, school,
				editableSchools());
	}

	@PostMapping("/console/postings/{id}")
	String edit(@PathVariable String id, @ModelAttribute("form") PostingForm form,
			@RequestParam(defaultValue = "save") String action,
			@RequestParam MultiValueMap<String, MultipartFile> files, Model model, Locale locale,
			RedirectAttributes redirect) {
		Posting posting = this.service.get(id);
		this.access.require(Permission.EDIT, posting.schoolId());
		School school = school(posting.schoolId());
		// a posting keeps its school and kind; the form cannot move it
		form.setSchoolId(posting.schoolId());
		form.setKind(posting.kind());
		if (importRequested(action, form, files, model, locale)) {
			return this.pageModel.editor(model, form, posting, school, editableSchools());
		}
		try {
			PostingDrafts.Draft draft = this.drafts.toRequest(form, school, locale);
			if (!draft.ok()) {
				model.addAttribute("tableErrors", draft.tableErrors());
				return this.pageModel.editor(model, form, posting, school, editableSchools());
			}
			return afterSave(this.service.edit(id, draft.request()), action, redirect);
		}
		catch (IllegalArgumentException | ConflictException ex) {
			model.addAttribute("error", ex.getMessage());
			return this.pageModel.editor(model, form, posting, school, editableSchools());
		}
	}

	@PostMapping("/console/postings/{id}/submit")
	String submit(@PathVariable String id, RedirectAttributes redirect) {
		this.access.require(Permission.EDIT, this.service.get(id).schoolId());
		try {
			this.reviews.submit(id);
			redirect.addFlashAttribute("notice", "posting.notice.submitted");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/postings/" + id;
	}

	@PostMapping("/console/postings/{id}/withdraw")
	String withdraw(@PathVariable String id, RedirectAttributes redirect) {
		this.access.require(Permission.EDIT, this.service.get(id).schoolId());
		try {
			this.service.withdraw(id);
			redirect.addFlashAttribute("notice", "posting.notice.withdrawn");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/postings/" + id;
	}

	/**
	 * Handles an "import:{table}" action: reads the uploaded CSV of that table; on
	 * success its text replaces the table in the form, otherwise its line errors are
	 * shown.
	 */
	private boolean importRequested(String action, PostingForm form, MultiValueMap<String, MultipartFile> files,
			Model model, Locale locale) {
		if (!action.startsWith("import:")) {
			return false;
		}
		String table = action.substring("import:".length());
		MultipartFile file = files.getFirst("csv-" + table);
		if (file == null || file.isEmpty()) {
			model.addAttribute("tableErrors", Map.of(table,
					List.of(new CsvTableImport.LineError(1, this.pageModel.message("posting.import.noFile", locale)))));
			return true;
		}
		CsvTableImport.Result result;
		try {
			result = this.drafts.importFile(file.getBytes(), form.getKind(), table, locale);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not read the uploaded file", ex);
		}
		if (result.ok()) {
			form.getTables().put(table, PostingDrafts.toCsv(result.table()));
			model.addAttribute("notice", "posting.notice.imported");
			model.addAttribute("noticeDetail", result.table().rows().size());
		}
		else {
			model.addAttribute("tableErrors", Map.of(table, result.errors()));
		}
		return true;
	}

	private String afterSave(Posting posting, String action, RedirectAttributes redirect) {
		if ("submit".equals(action)) {
			this.reviews.submit(posting.id());
			redirect.addFlashAttribute("notice", "posting.notice.submitted");
		}
		else {
			redirect.addFlashAttribute("notice", "posting.notice.saved");
		}
		return "redirect:/console/postings/" + posting.id();
	}

	private List<School> editableSchools() {
		return this.schools.findAll().stream().filter((s) -> this.access.allowed(Permission.EDIT, s.id())).toList();
	}

	private School school(String id) {
		if (id == null) {
			throw new IllegalArgumentException("schoolId is required: the school whose screens show the posting");
		}
		return this.schools.find(id).orElseThrow(() -> new NotFoundException("no school '" + id + "'"));
	}

}
