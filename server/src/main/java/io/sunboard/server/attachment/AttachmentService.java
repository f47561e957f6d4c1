package io.sunboard.server.attachment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.sunboard.protocol.Attachment;
import io.sunboard.server.posting.ContentStore;
import io.sunboard.server.posting.Posting;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.system.NotFoundException;

/**
 * Adds and removes a posting's attachments. Either is an edit of the posting: a new
 * content document, back to review when it was approved, and a line in the audit log.
 */
@Service
public class AttachmentService {

	private final PostingService postings;

	private final ContentStore contents;

	private final AttachmentRepository attachments;

	private final AttachmentSettings settings;

	private final Clock clock;

	AttachmentService(PostingService postings, ContentStore contents, AttachmentRepository attachments,
			AttachmentSettings settings, Clock clock) {
		this.postings = postings;
		this.contents = contents;
		this.attachments = attachments;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public Attachment add(String postingId, String fileName, byte[] bytes) {
		Posting posting = this.postings.get(postingId);
		if (bytes.length == 0) {
			throw new IllegalArgumentException("the file is empty; choose the PDF, PNG or JPEG file to attach");
		}
		if (bytes.length > this.settings.maxSize().toBytes()) {
			throw new AttachmentRefused(HttpStatus.CONTENT_TOO_LARGE,
					"'" + fileName + "' has " + bytes.length + " bytes; attachments may have at most "
							+ this.settings.maxSize().toBytes() + " (sunboard.attachments.max-size): compress or"
							+ " scan it at a lower resolution");
		}
		String mediaType = FileTypes.mediaType(bytes)
			.orElseThrow(() -> new AttachmentRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"'" + fileName + "' is " + FileTypes.describe(bytes)
							+ ", whatever its name says; only PDF documents and PNG or JPEG images can be"
							+ " attached"));
		List<Attachment> current = new ArrayList<>(this.postings.content(posting).attachments());
		String sha = io.sunboard.protocol.Sha256.of(bytes);
		if (current.stream().anyMatch((a) -> a.sha256().equals(sha))) {
			throw new AttachmentRefused(HttpStatus.CONFLICT, "this file is already attached to the posting");
		}
		if (current.size() >= Attachment.MAX_PER_POSTING) {
			throw new AttachmentRefused(HttpStatus.CONFLICT, "a posting holds at most " + Attachment.MAX_PER_POSTING
					+ " attachments; remove one first or combine documents into one PDF");
		}
		this.contents.put(bytes, mediaType);
		Attachment attachment = new Attachment(safeName(fileName, mediaType), mediaType, sha, bytes.length);
		current.add(attachment);
		this.attachments.add(postingId, sha, attachment.name(), mediaType, bytes.length, this.clock.instant());
		this.postings.replaceAttachments(postingId, current, "posting.attachment.added", attachment.name() + " " + sha);
		return attachment;
	}

	@Transactional
	public void remove(String postingId, String sha256) {
		Posting posting = this.postings.get(postingId);
		List<Attachment> current = new ArrayList<>(this.postings.content(posting).attachments());
		Attachment gone = current.stream()
			.filter((a) -> a.sha256().equals(sha256))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(
					"posting '" + postingId + "' has no attachment " + sha256 + "; list its content to see them"));
		current.remove(gone);
		this.attachments.remove(postingId, sha256);
		this.postings.replaceAttachments(postingId, current, "posting.attachment.removed", gone.name() + " " + sha256);
	}

	/**
	 * The name without any folder a browser sent, never blank, and with the extension of
	 * the real type so a downloaded file opens right.
	 */
	static String safeName(String fileName, String mediaType) {
		String name = (fileName == null) ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		String extension = switch (mediaType) {
			case "application/pdf" -> ".pdf";
			case "image/png" -> ".png";
			default -> ".jpg";
		};
		if (name.isEmpty()) {
			name = "attachment";
		}
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		boolean rightExtension = lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"));
		if (!rightExtension) {
			name = name + extension;
		}
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

}
