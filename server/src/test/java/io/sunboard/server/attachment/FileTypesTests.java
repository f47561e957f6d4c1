package io.sunboard.server.attachment;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypesTests {

	@Test
	void pdfPngAndJpegAreKnownByTheirFirstBytes() {
		assertThat(FileTypes.mediaType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
		assertThat(FileTypes.mediaType(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 }))
			.contains("image/png");
		assertThat(FileTypes.mediaType(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0 }))
			.contains("image/jpeg");
	}

	@Test
	void programsArchivesAndTextAreRefusedWhateverTheirName() {
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0 };
		assertThat(FileTypes.mediaType(exe)).isEmpty();
		assertThat(FileTypes.describe(exe)).isEqualTo("a Windows program");
		assertThat(FileTypes.mediaType(new byte[] { 0x7f, 'E', 'L', 'F' })).isEmpty();
		assertThat(FileTypes.describe(new byte[] { 'P', 'K', 3, 4 })).contains("ZIP");
		assertThat(FileTypes.mediaType("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileTypes.mediaType("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(FileTypes.mediaType(new byte[0])).isEmpty();
	}

	@Test
	void namesLoseFoldersAndCarryTheRealExtension() {
		assertThat(AttachmentService.safeName("C:\\Users\\office\\批复.pdf", "application/pdf")).isEqualTo("批复.pdf");
		assertThat(AttachmentService.safeName("../../etc/photo.JPEG", "image/jpeg")).isEqualTo("photo.JPEG");
		assertThat(AttachmentService.safeName("scan.pdf", "image/png")).isEqualTo("scan.pdf.png");
		assertThat(AttachmentService.safeName("", "application/pdf")).isEqualTo("attachment.pdf");
		assertThat(AttachmentService.safeName(null, "image/jpeg")).isEqualTo("attachment.jpg");
		assertThat(AttachmentService.safeName("a\u0000b.pdf", "application/pdf")).isEqualTo("ab.pdf");
		assertThat(AttachmentService.safeName("x".repeat(300) + ".pdf", "application/pdf")).hasSize(200)
			.endsWith(".pdf");
	}

}
