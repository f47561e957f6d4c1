package io.sunboard.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class HeadlessChromiumIT {

	private static final String PAGE = """
			<!doctype html>
			<html lang="zh-Hant">
			<head><meta charset="utf-8"><title>校務公告</title></head>
			<body><h1>Sunboard</h1><script>console.error("page-error-marker")</script></body>
			</html>
			""";

	private HttpServer server;

	@BeforeEach
	void servePage() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::page);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void loadsPageTakesScreenshotAndCollectsConsoleErrors() throws IOException {
		try (HeadlessChromium chromium = HeadlessChromium.start(1280, 720)) {
			chromium.driver().get("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");

			assertThat(chromium.driver().getTitle()).isEqualTo("校務公告");
			assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sunboard");
			assertThat(((JavascriptExecutor) chromium.driver()).executeScript("return [innerWidth, innerHeight]"))
				.isEqualTo(List.of(1280L, 720L));
			Path screenshot = chromium.screenshot("headless-chromium-it");
			assertThat(screenshot).isRegularFile().hasFileName("headless-chromium-it.png");
			BufferedImage image = ImageIO.read(screenshot.toFile());
			assertThat(image.getWidth()).isEqualTo(1280);
			assertThat(image.getHeight()).isEqualTo(720);
			assertThat(chromium.consoleErrors()).anySatisfy((error) -> assertThat(error).contains("page-error-marker"));
			// Collected, not drained: asking again still reports it.
			assertThat(chromium.consoleErrors()).anySatisfy((error) -> assertThat(error).contains("page-error-marker"));
		}
	}

	private void page(HttpExchange exchange) throws IOException {
		byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
