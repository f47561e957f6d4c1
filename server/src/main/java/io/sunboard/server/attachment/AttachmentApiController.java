package io.sunboard.server.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.Sha256;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.NotFoundException;

@RestController
class AttachmentApiController {

	private final AttachmentService attachments;

	private final PostingService postings;

	private final AccessPolicy access;

	AttachmentApiController(AttachmentService attachments, PostingService postings, AccessPolicy access) {
		this.attachments = attachments;
		this.postings = postings;
		this.access = access;
	}

	@PostMapping("/api/v1/postings/{id}/attachments")
	@ResponseStatus(HttpStatus.CREATED)
	Attachment add(@PathVariable String id, @RequestPart(name = "file", required = false) MultipartFile file) {
		this.access.require(Permission.EDIT, this.postings.get(id).schoolId());
		if (file == null) {
			throw new IllegalArgumentException("send the file as the multipart/form-data part 'file'"
					+ " (a PDF document or a PNG or JPEG image)");
		}
		try {
			return this.attachments.add(id, file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the uploaded file", ex);
		}
	}

	@DeleteMapping("/api/v1/postings/{id}/attachments/{sha256}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable String id, @PathVariable String sha256) {
		this.access.require(Permission.EDIT, this.postings.get(id).schoolId());
		if (!Sha256.isValid(sha256)) {
			throw new NotFoundException("'" + sha256 + "' is not an attachment's SHA-256 (64 hex digits)");
		}
		this.attachments.remove(id, sha256);
	}

	@ExceptionHandler(AttachmentRefused.class)
	ProblemDetail refused(AttachmentRefused ex) {
		return ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
	}

}
