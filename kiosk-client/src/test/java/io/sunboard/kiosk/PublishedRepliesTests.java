package io.sunboard.kiosk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.PublishedReply;

import static io.sunboard.kiosk.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching, caching and validating the school's published replies against a stand-in of
 * the server's device API (the JDK's HTTP server): the newest first, kept on disk for the
 * next start, and the last good copy kept through server errors, timeouts, a refused
 * token and garbage, each counted.
 */
class PublishedRepliesTests {

	private static final PublishedReply OLDER = new PublishedReply("fb-1", PublishedReply.COMPLAINT, "p-fees",
			"收费标准？请回电 138****5678", "以公示为准。", T0);

	private static final PublishedReply NEWER = new PublishedReply("fb-2", PublishedReply.CONSULTATION, null,
			"开放日几点开始？", "上午九点。", T0.plus(Duration.ofDays(1)));

	@TempDir
	Path dir;

	private final AtomicReference<Answer> answer = new AtomicReference<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private HttpServer server;

	/** What the stand-in answers; a null body never answers (a hung server). */
	record Answer(int status, byte[] body) {

		static Answer json(Object body) {
			return new Answer(200, Fixtures.CODEC.encode(body));
		}

		static Answer text(int status, String body) {
			return new Answer(status, body.getBytes(StandardCharsets.UTF_8));
		}

	}

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext(DeviceHttp.FEEDBACK_REPLIES_PATH, this::serve);
		this.server.setExecutor(this.handlers);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.release.countDown();
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	@Test
	void fetchesWithTheDeviceTokenNewestFirstAndShowsTheSavedCopyAfterARestart() {
		this.answer.set(Answer.json(List.of(OLDER, NEWER)));
		PublishedReplies replies = replies("s3cret");

		assertThat(replies.refresh()).isTrue();

		assertThat(replies.all()).containsExactly(NEWER, OLDER);
		assertThat(replies.about("p-fees")).containsExactly(OLDER);
		assertThat(replies.about("p-other")).isEmpty();
		assertThat(replies.failures()).isZero();
		assertThat(this.dir.resolve(PublishedReplies.FILE)).exists();
		assertThat(this.dir.resolve(PublishedReplies.FILE + AtomicFiles.TEMP_SUFFIX)).doesNotExist();

		// the next start, with the server unreachable: the saved copy shows at once
		this.server.stop(0);
		PublishedReplies restarted = replies("s3cret");
		restarted.restore();
		assertThat(restarted.all()).containsExactly(NEWER, OLDER);
		assertThat(restarted.refresh()).isFalse();
		assertThat(restarted.all()).containsExactly(NEWER, OLDER);
		assertThat(restarted.failures()).isOne();
	}

	@Test
	void serverErrorsGarbageAndARefusedTokenKeepTheLastGoodCopyAndAreCounted() throws IOException {
		this.answer.set(Answer.json(List.of(OLDER, NEWER)));
		PublishedReplies replies = replies("s3cret");
		assertThat(replies.refresh()).isTrue();
		byte[] saved = Files.readAllBytes(this.dir.resolve(PublishedReplies.FILE));

		List<Answer> bad = List.of(Answer.text(500, "Internal Server Error"), Answer.text(200, "<html>proxy</html>"),
				Answer.text(200, "{\"id\":\"fb-1\"}"),
				Answer.text(200,
						"[{\"id\":\"fb-1\",\"kind\":\"<script>\","
								+ "\"question\":\"q\",\"reply\":\"r\",\"repliedAt\":\"2026-09-01T00:00:00Z\"}]"),
				Answer.text(200,
						"[{\"id\":\"fb-1\",\"kind\":\"COMPLAINT\",\"question\":\"q\",\"reply\":\"\","
								+ "\"repliedAt\":\"2026-09-01T00:00:00Z\"}]"),
				new Answer(200, new byte[JsonCodec.MAX_REPLIES_BYTES + 1]));
		for (Answer garbage : bad) {
			this.answer.set(garbage);
			assertThat(replies.refresh()).as(new String(garbage.body(), StandardCharsets.UTF_8)).isFalse();
			assertThat(replies.all()).containsExactly(NEWER, OLDER);
		}
		assertThat(replies.failures()).isEqualTo(bad.size());

		this.answer.set(Answer.json(List.of(OLDER, NEWER)));
		PublishedReplies wrongToken = replies("wrong");
		wrongToken.restore();
		assertThat(wrongToken.refresh()).isFalse();
		assertThat(wrongToken.all()).containsExactly(NEWER, OLDER);
		assertThat(Files.readAllBytes(this.dir.resolve(PublishedReplies.FILE))).isEqualTo(saved);

		// recovered: an empty list is a sound answer (the school withdrew its replies)
		this.answer.set(Answer.json(List.of()));
		assertThat(replies.refresh()).isTrue();
		assertThat(replies.all()).isEmpty();
	}

	@Test
	void aServerThatNeverAnswersTimesOutAndTheCopyStays() {
		this.answer.set(Answer.json(List.of(NEWER)));
		PublishedReplies replies = replies("s3cret");
		assertThat(replies.refresh()).isTrue();

		this.answer.set(new Answer(200, null));
		assertThat(replies.refresh()).isFalse();

		assertThat(replies.all()).containsExactly(NEWER);
		assertThat(replies.failures()).isOne();
	}

	@Test
	void aDamagedCacheFileIsIgnoredAtStartAndReplacedByTheNextFetch() throws IOException {
		Files.writeString(this.dir.resolve(PublishedReplies.FILE), "[{\"id\":");
		PublishedReplies replies = replies("s3cret");

		replies.restore();
		assertThat(replies.all()).isEmpty();

		this.answer.set(Answer.json(List.of(OLDER)));
		assertThat(replies.refresh()).isTrue();
		PublishedReplies restarted = replies("s3cret");
		restarted.restore();
		assertThat(restarted.all()).containsExactly(OLDER);
		assertThat(this.requests.get()).isEqualTo(1);
	}

	private PublishedReplies replies(String secret) {
		URI url = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		return new PublishedReplies(this.dir, Fixtures.CODEC,
				new ReplyFetcher(HttpClient.newHttpClient(), url, "lobby-01", secret, Duration.ofMillis(500)));
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requests.incrementAndGet();
			if (!DeviceHttp.bearer("lobby-01", "s3cret")
				.equals(exchange.getRequestHeaders().getFirst(DeviceHttp.AUTHORIZATION))) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			Answer current = this.answer.get();
			if (current.body() == null) {
				// hangs until the test ends; the client's timeout must give up first
				this.release.await(30, TimeUnit.SECONDS);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(current.status(), current.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(current.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
