package io.sunboard.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sunboard.protocol.Attachment;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.PostingContent;
import io.sunboard.protocol.Sha256;
import io.sunboard.server.posting.ContentStore;
import io.sunboard.server.posting.PostingService;
import io.sunboard.templates.KindCatalog;

import static org.assertj.core.api.Assertions.assertThat;

class CarriedDocumentsTests {

	private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");

	private final JsonCodec codec = new JsonCodec();

	private final KindCatalog kinds = KindCatalog.standard();

	@Test
	void aSmallNoticeTravelsAsTheExactTextOfItsBytes() {
		byte[] bytes = this.codec.encode(document("general", "作业本费：每生每学期 18 元。\n投诉电话：0595-22281234", List.of()));

		CarriedDocuments.Carriable carried = verdict(PostingService.CONTENT_MEDIA_TYPE, bytes).orElseThrow();

		assertThat(carried.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
		assertThat(carried.bytes()).isEqualTo(bytes.length);
	}

	@Test
	void largeDocumentsPupilListsUnknownKindsAttachmentsAndOtherFilesStayOnHttp() {
		byte[] large = this.codec.encode(document("general", "收".repeat(CarriedDocuments.LARGEST / 3), List.of()));
		byte[] admission = this.codec.encode(document("admission", "录取名单见下表", List.of()));
		byte[] unknownKind = this.codec.encode(document("gossip", "未知类型", List.of()));
		byte[] withPhoto = this.codec
			.encode(document("general", "见附件", List.of(new Attachment("校门.png", "image/png", "a".repeat(64), 1024))));
		byte[] general = this.codec.encode(document("general", "短通知", List.of()));

		assertThat(verdict(PostingService.CONTENT_MEDIA_TYPE, large)).as("over %d bytes", CarriedDocuments.LARGEST)
			.isEmpty();
		assertThat(verdict(PostingService.CONTENT_MEDIA_TYPE, admission)).as("a kind that lists pupils").isEmpty();
		assertThat(verdict(PostingService.CONTENT_MEDIA_TYPE, unknownKind)).as("an unknown kind").isEmpty();
		assertThat(verdict(PostingService.CONTENT_MEDIA_TYPE, withPhoto)).as("with attachments").isEmpty();
		assertThat(verdict("image/png", general)).as("not a posting's document").isEmpty();
		assertThat(verdict(PostingService.CONTENT_MEDIA_TYPE, new byte[] { '{', (byte) 0xC3, '}' }))
			.as("bytes that are not UTF-8 text")
			.isEmpty();
		assertThat(verdict(PostingService.CONTENT_MEDIA_TYPE, "{\"kind\":".getBytes(StandardCharsets.UTF_8)))
			.as("not a document")
			.isEmpty();
	}

	@Test
	void aScreenGetsTheOfferedDocumentsOfItsItemsInPlayOrderWithinTheBudget() {
		String a = "a".repeat(64);
		String b = "b".repeat(64);
		String c = "c".repeat(64);
		String notOffered = "d".repeat(64);
		Map<String, CarriedDocuments.Carriable> offered = new LinkedHashMap<>();
		offered.put(c, carriable("丙", 3000));
		offered.put(a, carriable("甲", 3000));
		offered.put(b, carriable("乙", 3000));
		CarriedDocuments.Offer offer = new CarriedDocuments.Offer(offered);

		Map<String, String> carried = offer
			.forItems(List.of(item("p-1", a), item("p-2", notOffered), item("p-3", a), item("p-4", b), item("p-5", c)));

		assertThat(carried).as("a and b fill 6,000 of %d bytes; c would overrun", CarriedDocuments.BUDGET)
			.containsOnlyKeys(a, b);
		assertThat(offer.forItems(List.of(item("p-5", c)))).containsOnlyKeys(c);
		assertThat(CarriedDocuments.Offer.NONE.forItems(List.of(item("p-1", a)))).isEmpty();
	}

	private java.util.Optional<CarriedDocuments.Carriable> verdict(String mediaType, byte[] bytes) {
		return CarriedDocuments.verdict(new ContentStore.Content(mediaType, bytes), this.codec, this.kinds);
	}

	private static CarriedDocuments.Carriable carriable(String text, int bytes) {
		return new CarriedDocuments.Carriable(text, bytes);
	}

	private static ManifestItem item(String postingId, String sha256) {
		return new ManifestItem(postingId, "公示", "general", sha256, 10, 0, List.of());
	}

	private static PostingContent document(String kind, String body, List<Attachment> attachments) {
		return new PostingContent(PostingContent.SCHEMA,
				"p-" + Sha256.of(body.getBytes(StandardCharsets.UTF_8)).substring(0, 16), kind, "2026年秋季学期收费公示", body,
				T0, T0.plusSeconds(864000), "丰泽区实验小学", "Asia/Shanghai", Map.of(), List.of(), attachments);
	}

}
