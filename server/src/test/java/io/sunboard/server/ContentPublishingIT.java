package io.sunboard.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.PostingContent;
import io.sunboard.server.posting.ContentStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.within;

/**
 * Content publishing through the real server over HTTP: CSV table import, attachments,
 * public pages and feed, the A4 print, archived postings and working days counted with
 * China's calendar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ContentPublishingIT {

	private static final Charset GBK = Charset.forName("GBK");

	private static final String SCRIPT = "<script>alert('x')</script>";

	private final HttpClient http = HttpClient.newHttpClient();

	private RunningServer server;

	@BeforeAll
	void start(@TempDir Path dir) {
		this.server = RunningServer.embedded(dir)
			.with("sunboard.public-pages.base-url", "https://gk.example.edu.cn")
			.with("sunboard.attachments.max-size", "1MB")
			.start();
		assertThat(this.server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区")).status()).isEqualTo(201);
		assertThat(this.server.post("/api/v1/schools", Map.of("id", "shiyan", "regionId", "fengze", "name", "丰泽区实验小学"))
			.status()).isEqualTo(201);
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void admissionCsvWithThreeBadRowsIsRefusedWithTheirLinesAndTheFixedFileImportsEveryRow() throws Exception {
		String path = "/api/v1/table-imports?kind=admission&table=results";

		RunningServer.Response refused = this.server.upload(path, "录取名单.csv", admissionCsv(true).getBytes(GBK));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		List<Integer> lines = new java.util.ArrayList<>();
		refused.json().get("errors").forEach((e) -> lines.add(e.get("line").asInt()));
		assertThat(lines).containsExactly(102, 2502, 5001);
		assertThat(refused.json().get("errors").get(0).get("reason").asString()).contains("102");

		RunningServer.Response imported = this.server.upload(path, "录取名单.csv", admissionCsv(false).getBytes(GBK));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("rows").asInt()).isEqualTo(5000);
		JsonNode table = imported.json().get("table");
		assertThat(table.get("rows").size()).isEqualTo(5000);
		assertThat(table.get("rows").get(4999).get(0).asString()).isEqualTo("学生5000");

		RunningServer.Response utf8 = this.server.upload(path, "list.csv",
				admissionCsv(false).getBytes(StandardCharsets.UTF_8));
		assertThat(utf8.json().get("rows").asInt()).isEqualTo(5000);

		Map<String, Object> admission = posting("admission", "2026年秋季一年级录取名单", null);
		admission.put("fields", Map.of("policySummary", "按学区划片招生", "plan", "一年级 4 个班 180 人", "appealPhone",
				"0595-22345678", "appealAddress", "丰泽区教育局 301 室", "appealEmail", "zhaosheng@example.edu.cn"));
		admission.put("tables", List.of(table));
		RunningServer.Response created = this.server.post("/api/v1/postings", admission);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		PostingContent stored = storedContent(created.json().get("contentSha256").asString());
		assertThat(stored.tables().get(0).rows()).hasSize(5000);
	}

	@Test
	void tableImportSaysWhatIsWrongWithTheRequest() {
		assertThat(this.server.upload("/api/v1/table-imports?kind=gossip&table=results", "a.csv", new byte[] { 'a' })
			.body()).contains("unknown posting kind 'gossip'");
		assertThat(this.server.upload("/api/v1/table-imports?kind=admission&table=winners", "a.csv", new byte[] { 'a' })
			.body()).contains("use one of results");
		assertThat(this.server.post("/api/v1/table-imports?kind=admission&table=results", "{}").status())
			.isEqualTo(400);
	}

	@Test
	void publicPageShowsTheProactivePostingMaskedAndEscapedWithItsPeriodChannelAndQrCode() throws Exception {
		String id = approvedAward(SCRIPT + "2026年度三好学生公示");

		HttpResponse<String> page = get("/public/postings/" + id, null);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain(SCRIPT)
			.contains("张*明")
			.doesNotContain("张三明")
			.contains("公示期")
			.contains("0595-22281234")
			.contains("data:image/svg+xml;base64,")
			.doesNotContain("<script")
			.doesNotContain("style=");
		assertThat(get("/public/postings/" + id + "?lang=en", null).body()).contains("Publicity period");
		assertThat(get("/public/postings/" + id, "zh-TW,zh;q=0.8").headers().firstValue("Content-Language"))
			.contains("zh-TW");
		assertThat(get("/public/postings/" + id + "?lang=en", null).headers().firstValue("Content-Language"))
			.contains("en");
	}

	@Test
	void onlyProactiveApprovedPostingsInTheirPeriodArePublicAndEveryOtherAnswerIsTheSame() throws Exception {
		Instant now = Instant.now();
		String draft = created(posting("general", "草稿", null));
		String onRequest = created(posting("general", "依申请公开的文件", null));
		submitAndApprove(onRequest, "ON_REQUEST", "涉及个人信息");
		Map<String, Object> past = posting("general", "上学期的通知", null);
		past.put("publicityStart", now.minus(10, ChronoUnit.DAYS).toString());
		past.put("publicityEnd", now.minus(1, ChronoUnit.DAYS).toString());
		String expired = this.server.createApprovedPosting(past);
		String withdrawn = this.server.createApprovedPosting(posting("general", "撤回的通知", null));
		this.server.post("/api/v1/postings/" + withdrawn + "/withdraw", "{}");

		HttpResponse<String> unknown = get("/public/postings/p-0000000000000000", null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		for (String id : List.of(draft, onRequest, expired, withdrawn)) {
			HttpResponse<String> answer = get("/public/postings/" + id, null);
			assertThat(answer.statusCode()).as(id).isEqualTo(404);
			assertThat(answer.body()).isEqualTo(unknown.body());
		}
		String school = get("/public/schools/shiyan", null).body();
		assertThat(school).doesNotContain("草稿", "依申请公开的文件", "上学期的通知", "撤回的通知");

		// staff still find the expired posting, as archived
		assertThat(ids(this.server.get("/api/v1/postings?archived=true"))).contains(expired)
			.doesNotContain(draft, onRequest);
		assertThat(ids(this.server.get("/api/v1/postings?archived=false"))).doesNotContain(expired).contains(draft);
		assertThat(ids(this.server.get("/api/v1/postings"))).contains(expired, draft);
	}

	@Test
	void schoolListAndAtomFeedCarryTheCurrentPostingsEscaped() throws Exception {
		String id = approvedAward(SCRIPT + "优秀少先队员公示");

		HttpResponse<String> list = get("/public/schools/shiyan", null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("/public/postings/" + id).contains("&lt;script&gt;");

		HttpResponse<String> feed = get("/public/schools/shiyan/feed.atom", null);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document xml = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
		Element root = xml.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("feed");
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		for (String required : List.of("id", "title", "updated", "author")) {
			assertThat(root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required).getLength()).as(required)
				.isPositive();
		}
		NodeList entries = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
		boolean found = false;
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			String entryId = entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent();
			if (entryId.equals("https://gk.example.edu.cn/public/postings/" + id)) {
				found = true;
				assertThat(
						entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent())
					.isEqualTo(SCRIPT + "优秀少先队员公示");
				assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").getLength())
					.isEqualTo(1);
			}
		}
		assertThat(found).isTrue();
		assertThat(feed.body()).doesNotContain(SCRIPT);
		assertThat(get("/public/schools/nowhere", null).statusCode()).isEqualTo(404);
		assertThat(get("/public/schools/nowhere/feed.atom", null).statusCode()).isEqualTo(404);
	}

	@Test
	void attachmentsAreCheckedByContentListedForScreensAndShownOnThePublicPage() throws Exception {
		String id = approvedAward("评优附件公示");
		String secret = this.server
			.post("/api/v1/devices", Map.of("id", "lobby-attach", "schoolId", "shiyan", "name", "大厅"))
			.json()
			.get("secret")
			.asString();

		RunningServer.Response exe = this.server.upload("/api/v1/postings/" + id + "/attachments", "批复.pdf",
				new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 });
		assertThat(exe.status()).isEqualTo(415);
		assertThat(exe.body()).contains("a Windows program").contains("only PDF documents and PNG or JPEG images");
		byte[] large = new byte[1024 * 1024 + 1];
		System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 8);
		RunningServer.Response tooLarge = this.server.upload("/api/v1/postings/" + id + "/attachments", "scan.pdf",
				large);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("at most 1048576").contains("sunboard.attachments.max-size");

		RunningServer.Response pdf = this.server.upload("/api/v1/postings/" + id + "/attachments", "批复文件.pdf",
				"%PDF-1.4\n%test document\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
		assertThat(pdf.json().get("mediaType").asString()).isEqualTo("application/pdf");
		String pdfSha = pdf.json().get("sha256").asString();
		RunningServer.Response png = this.server.upload("/api/v1/postings/" + id + "/attachments", "photo.jpg", png());
		assertThat(png.status()).as(png.body()).isEqualTo(201);
		assertThat(png.json().get("mediaType").asString()).isEqualTo("image/png");
		assertThat(png.json().get("name").asString()).isEqualTo("photo.jpg.png");
		String pngSha = png.json().get("sha256").asString();

		// an edit: back to review, off the public page until approved again, audited
		JsonNode posting = this.server.get("/api/v1/postings/" + id).json();
		assertThat(posting.get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(get("/public/postings/" + id, null).statusCode()).isEqualTo(404);
		assertThat(get("/public/attachments/" + pdfSha, null).statusCode()).isEqualTo(404);
		assertThat(this.server.get("/api/v1/audit?action=posting.attachment.added&schoolId=shiyan").body()).contains(id)
			.contains("批复文件.pdf");

		PostingContent content = storedContent(posting.get("contentSha256").asString());
		assertThat(content.attachments()).extracting(io.sunboard.protocol.Attachment::sha256)
			.containsExactly(pdfSha, pngSha);
		assertThat(fetchAsScreen(pngSha, secret).status())
			.as("a screen downloads only what its manifest references: this posting is on no screen yet")
			.isEqualTo(404);

		approve(id);
		Instant now = Instant.now();
		assertThat(this.server
			.post("/api/v1/postings/" + id + "/schedule",
					Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt",
							now.plus(Duration.ofDays(5)).toString(), "durationSeconds", 10))
			.status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> fetchAsScreen(pngSha, secret).status() == 200);
		assertThat(fetchAsScreen(content.attachments().get(0).sha256(), secret).status()).isEqualTo(200);
		screenRequestsAreAnsweredAheadOfTheFrameworkWithTheSameChecks(pngSha, secret);
		HttpResponse<String> page = get("/public/postings/" + id, null);
		assertThat(page.body()).contains("<img src=\"/public/attachments/" + pngSha + "\"")
			.contains("<a href=\"/public/attachments/" + pdfSha + "\">批复文件.pdf</a>");
		HttpResponse<byte[]> file = this.http.send(
				HttpRequest.newBuilder(URI.create(this.server.url() + "/public/attachments/" + pdfSha)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).contains("application/pdf");
		assertThat(new String(file.body(), StandardCharsets.US_ASCII)).startsWith("%PDF-");

		assertThat(this.server.delete("/api/v1/postings/" + id + "/attachments/" + pdfSha).status()).isEqualTo(204);
		assertThat(this.server.delete("/api/v1/postings/" + id + "/attachments/" + pdfSha).status()).isEqualTo(404);
		assertThat(this.server.get("/api/v1/postings/" + id).json().get("status").asString()).isEqualTo("IN_REVIEW");
		approve(id);
		assertThat(get("/public/attachments/" + pdfSha, null).statusCode()).isEqualTo(404);
		assertThat(get("/public/attachments/" + pngSha, null).statusCode()).isEqualTo(200);
	}

	@Test
	void printIsAnA4PortraitPdfWithTitlePeriodMaskedNamesAndMarkupAsText() throws Exception {
		String id = approvedAward(SCRIPT + "三好学生名单");

		RunningServer.BinaryResponse pdf = this.server.getBytes("/api/v1/postings/" + id + "/print.pdf");

		assertThat(pdf.status()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			PDRectangle page = document.getPage(0).getMediaBox();
			assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
			assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(SCRIPT + "三好学生名单")
				.contains("公示期")
				.contains("张*明")
				.doesNotContain("张三明")
				.contains("0595-22281234")
				.contains("扫码");
			// for a person to look at: the first page as the notice board shows it
			java.nio.file.Path image = Path.of("target", "screenshots", "print-award.png");
			java.nio.file.Files.createDirectories(image.getParent());
			ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72), "png",
					image.toFile());
		}
	}

	@Test
	void admissionPeriodAcrossNationalDayIsCountedInChinasWorkingDays() {
		// Monday 28 September to the end of Wednesday 14 October 2026: nine working days
		// (1-7 October are off, Saturday 10 October is worked), not 13 weekdays
		Map<String, Object> admission = posting("admission", "国庆前后的录取名单", null);
		admission.put("publicityStart", "2026-09-28T00:00:00Z");
		admission.put("publicityEnd", "2026-10-14T16:00:00Z");
		admission.put("fields", Map.of("policySummary", "划片招生", "plan", "180 人", "appealPhone", "0595-22345678",
				"appealAddress", "丰泽区教育局", "appealEmail", "zs@example.edu.cn"));
		admission.put("tables", List.of(Map.of("name", "results", "columns", List.of("姓名", "录取编号", "录取学校", "状态"),
				"rows", List.of(List.of("张三明", "1", "一年级一班", "录取")))));

		RunningServer.Response refused = this.server.post("/api/v1/postings", admission);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("至少为 10 个工作日，当前只有 9 个工作日");

		admission.put("publicityEnd", "2026-10-15T16:00:00Z");
		assertThat(this.server.post("/api/v1/postings", admission).status()).isEqualTo(201);
	}

	private String approvedAward(String title) {
		Map<String, Object> award = posting("award", title, "经班级推荐、学校评审，拟表彰以下同学。");
		award.put("fields", Map.of("award", "三好学生", "criteria", "品德好、学习好、身体好", "quota", "每班 2 名", "procedure",
				"班级推荐，学校评审", "objectionPhone", "0595-22281234"));
		award.put("tables", List.of(Map.of("name", "winners", "columns", List.of("姓名", "班级"), "rows",
				List.of(List.of("张三明", "三年级一班"), List.of("欧阳娜娜", "四年级二班")))));
		return this.server.createApprovedPosting(award);
	}

	private static Map<String, Object> posting(String kind, String title, String body) {
		Instant now = Instant.now();
		Map<String, Object> posting = new LinkedHashMap<>();
		posting.put("schoolId", "shiyan");
		posting.put("kind", kind);
		posting.put("title", title);
		if (body != null) {
			posting.put("body", body);
		}
		posting.put("publicityStart", now.minus(1, ChronoUnit.HOURS).toString());
		posting.put("publicityEnd", now.plus(40, ChronoUnit.DAYS).toString());
		return posting;
	}

	private String created(Map<String, Object> posting) {
		RunningServer.Response response = this.server.post("/api/v1/postings", posting);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	/**
	 * Content documents are answered by a servlet filter ahead of Spring MVC and Spring
	 * Security (for the fan-out's sake): the same checks, headers and reasons as any
	 * other route, and counted.
	 */
	private void screenRequestsAreAnsweredAheadOfTheFrameworkWithTheSameChecks(String pngSha, String secret)
			throws Exception {
		String bearer = DeviceHttp.bearer("lobby-attach", secret);
		HttpResponse<byte[]> served = screen("GET", DeviceHttp.contentPath(pngSha), bearer);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(png());
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000")
			.contains("immutable")
			.contains("private");
		assertThat(served.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(served.headers().allValues("Content-Security-Policy")).hasSize(1);

		HttpResponse<byte[]> head = screen("HEAD", DeviceHttp.contentPath(pngSha), bearer);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(png().length));
		assertThat(head.body()).isEmpty();

		HttpResponse<byte[]> post = screen("POST", DeviceHttp.contentPath(pngSha), bearer);
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");

		HttpResponse<byte[]> wrongSecret = screen("GET", DeviceHttp.contentPath(pngSha),
				DeviceHttp.bearer("lobby-attach", "not-the-secret"));
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
		assertThat(wrongSecret.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((v) -> v.startsWith("Bearer"));
		assertThat(new String(wrongSecret.body(), StandardCharsets.UTF_8)).contains("Authorization: Bearer");

		for (String path : List.of(DeviceHttp.CONTENT_PREFIX + "ABC", DeviceHttp.CONTENT_PREFIX + pngSha + "/x",
				DeviceHttp.CONTENT_PREFIX + pngSha.toUpperCase(Locale.ROOT), DeviceHttp.CONTENT_PREFIX)) {
			HttpResponse<byte[]> bad = screen("GET", path, bearer);
			assertThat(bad.statusCode()).as(path).isEqualTo(400);
			assertThat(new String(bad.body(), StandardCharsets.UTF_8)).as(path).contains("SHA-256");
		}
		HttpResponse<byte[]> unknown = screen("GET", DeviceHttp.contentPath("b".repeat(64)), bearer);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Cache-Control")).hasValue("no-store");

		JsonNode counted = this.server.get("/actuator/metrics/sunboard.device.content.requests?tag=outcome:malformed")
			.json();
		assertThat(counted.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(5);
	}

	private HttpResponse<byte[]> screen(String method, String path, String bearer) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.server.url() + path))
			.header(DeviceHttp.AUTHORIZATION, bearer)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private RunningServer.Response fetchAsScreen(String sha256, String secret) {
		return this.server.sendWithHeader("GET", DeviceHttp.contentPath(sha256), DeviceHttp.AUTHORIZATION,
				DeviceHttp.bearer("lobby-attach", secret));
	}

	private void submitAndApprove(String id, String attribute, String reason) {
		this.server.post("/api/v1/postings/" + id + "/submit", "{}");
		Map<String, Object> decision = new LinkedHashMap<>();
		decision.put("decision", "APPROVE");
		decision.put("basis", "保密审查制度");
		decision.put("conclusion", "同意");
		decision.put("attribute", attribute);
		decision.put("attributeReason", reason);
		RunningServer.Response review = this.server.post("/api/v1/postings/" + id + "/review", decision);
		assertThat(review.status()).as(review.body()).isEqualTo(200);
	}

	private void approve(String id) {
		RunningServer.Response review = this.server.post("/api/v1/postings/" + id + "/review",
				Map.of("decision", "APPROVE", "basis", "保密审查制度", "conclusion", "同意公开", "attribute", "PROACTIVE"));
		assertThat(review.status()).as(review.body()).isEqualTo(200);
	}

	private static List<String> ids(RunningServer.Response list) {
		List<String> ids = new java.util.ArrayList<>();
		list.json().forEach((p) -> ids.add(p.get("id").asString()));
		return ids;
	}

	private PostingContent storedContent(String sha) throws Exception {
		ContentStore.Content content = this.server.bean(ContentStore.class).get(sha).orElseThrow();
		return new JsonCodec().decodeContent(content.bytes());
	}

	private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.server.url() + path));
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * 5,000 admission rows after the header; when {@code withErrors}, lines 102 and 2502
	 * lose a cell and line 5001 has a blank name.
	 */
	static String admissionCsv(boolean withErrors) {
		StringBuilder csv = new StringBuilder("姓名,录取编号,录取学校,状态\r\n");
		for (int i = 1; i <= 5000; i++) {
			int line = i + 1;
			String name = (withErrors && line == 5001) ? "" : "学生" + i;
			csv.append(name).append(',').append(2026_00000 + i).append(",丰泽区实验小学");
			if (!(withErrors && (line == 102 || line == 2502))) {
				csv.append(",已录取");
			}
			csv.append("\r\n");
		}
		return csv.toString();
	}

	private static byte[] png() throws Exception {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
