package io.sunboard.kiosk;

import io.sunboard.testsupport.MutableClock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.templates.PostingRenderer;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerServerTests {

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	private KioskThreads threads;

	private PlayerServer server;

	@BeforeEach
	void setUp() {
		this.threads = KioskThreads.create("test");
		PostingRenderer renderer = new PostingRenderer();
		KioskConfig config = Fixtures.config(this.dir);
		Player player = new Player(new ContentStore(this.dir, Fixtures.CODEC), renderer, config, (event) -> true,
				new MutableClock(Fixtures.T0), this.threads.timer());
		this.server = new PlayerServer(player, renderer, Fixtures.CODEC, config, this.threads.http());
		this.server.start();
	}

	@AfterEach
	void tearDown() {
		this.server.stop();
		this.threads.shutdown();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(this.server.url().resolve(path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void urlIsOnLoopbackWithTheActualPort() {
		URI url = this.server.url();

		assertThat(url.getHost()).isEqualTo("127.0.0.1");
		assertThat(url.getPort()).isPositive();
		assertThat(url.getPath()).isEqualTo("/");
	}

	@Test
	void shellIsAFullDocumentWithExternalCssAndScriptOnlyAndTheCurrentPageInside() throws Exception {
		HttpResponse<String> response = get("/");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(response.body()).startsWith("<!DOCTYPE html>")
			.contains("<html lang=\"zh-CN\">", "<link rel=\"stylesheet\" href=\"/player.css\">",
					"<script src=\"/player.js\" defer></script>", "当前暂无公示内容")
			.doesNotContain("<style", "style=", "<script>", "onload=");
	}

	@Test
	void everyResponseCarriesTheStrictSecurityHeaders() throws Exception {
		for (String path : new String[] { "/", "/player.css", "/player.js", "/now", "/healthz", "/missing" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
						+ "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
						+ "form-action 'self'");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
		}
	}

	@Test
	void nowIsUncachedJsonWithKeyAndHtml() throws Exception {
		HttpResponse<String> response = get("/now");

		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
		@SuppressWarnings("unchecked")
		Map<String, String> now = Fixtures.CODEC.decode(response.body().getBytes(), Map.class);
		assertThat(now).containsOnlyKeys("key", "html");
		assertThat(now.get("key")).isEqualTo("idle:lobby-01");
		assertThat(now.get("html")).startsWith("<article class=\"idle profile-landscape\"");
	}

	@Test
	void stylesheetAndScriptAreServed() throws Exception {
		assertThat(get("/player.css").body()).contains("Noto Sans CJK SC", ".buffer[hidden]");
		assertThat(get("/player.js").body()).contains("fetch('/now'");
		assertThat(get("/healthz").body()).isEqualTo("ok\n");
	}

	@Test
	void unknownPathIs404AndOtherMethodsAre405() throws Exception {
		assertThat(get("/etc/passwd").statusCode()).isEqualTo(404);
		HttpResponse<String> post = this.http.send(HttpRequest.newBuilder(this.server.url().resolve("/now"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(405);
	}

}
