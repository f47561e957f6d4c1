package io.sunboard.server.print;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;

/**
 * {@code GET /api/v1/postings/{id}/print.pdf}: the posting on A4 for the notice board,
 * for staff who may read the school. {@code ?lang=} picks the labels' language.
 */
@RestController
class PrintController {

	private final PostingService postings;

	private final PostingPrinter printer;

	private final AccessPolicy access;

	PrintController(PostingService postings, PostingPrinter printer, AccessPolicy access) {
		this.postings = postings;
		this.printer = printer;
		this.access = access;
	}

	@GetMapping("/api/v1/postings/{id}/print.pdf")
	ResponseEntity<byte[]> print(@PathVariable String id, @RequestParam(required = false) String lang) {
		Posting posting = this.postings.get(id);
		this.access.require(Permission.READ, posting.schoolId());
		Locale locale = (lang != null && !lang.isBlank()) ? Locale.forLanguageTag(lang)
				: LocaleContextHolder.getLocale();
		byte[] pdf = this.printer.print(this.postings.content(posting), locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(id + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

}
