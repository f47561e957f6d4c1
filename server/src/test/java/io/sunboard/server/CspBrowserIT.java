package io.sunboard.server;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.testsupport.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console (sign-in page, home, password page) and a screen's player page, in a real
 * browser that enforces the Content-Security-Policy: every page loads and works with no
 * violation (nor any other error) in the browser console. The last step injects an inline
 * script to prove the policy is really in force and that a violation would be seen.
 */
@Timeout(180)
class CspBrowserIT {

	@Test
	void consoleAndPlayerPagesLoadUnderThePolicyWithNoViolations(@TempDir Path dir) {
		try (RunningServer server = RunningServer.embedded(dir.resolve("server")).start()) {
			String secret = FaultFixture.seedScreen(server, "csp-lobby");
			FaultFixture.scheduleOneSecondPosting(server);
			String broker = "tcp://127.0.0.1:" + server.property("sunboard.broker.embedded.port");
			KioskConfig config = KioskConfig
				.from(FaultFixture.kioskProperties("csp-lobby", secret, broker, server.url(), dir.resolve("kiosk")));
			try (KioskClient kiosk = KioskClient.start(config); HeadlessChromium chromium = HeadlessChromium.start()) {
				WebDriver driver = chromium.driver();

				driver.get(server.url() + "/login");
				driver.findElement(By.name("username")).sendKeys("admin");
				driver.findElement(By.name("password")).sendKeys(RunningServer.ADMIN_PASSWORD);
				driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
				await().atMost(Duration.ofSeconds(20)).until(() -> !driver.getCurrentUrl().contains("/login"));
				assertThat(chromium.consoleErrors()).as("sign-in page").isEmpty();

				driver.get(server.url() + "/");
				assertThat(driver.findElements(By.cssSelector("link[rel=stylesheet]"))).isNotEmpty();
				assertThat(chromium.consoleErrors()).as("console home").isEmpty();

				driver.get(server.url() + "/account/password");
				assertThat(driver.findElements(By.tagName("form"))).isNotEmpty();
				assertThat(chromium.consoleErrors()).as("password page").isEmpty();

				driver.get(kiosk.playerUrl().toString());
				await().atMost(Duration.ofSeconds(60))
					.until(() -> driver.findElement(By.tagName("body")).getText().contains("作息时间调整通知"));
				assertThat(chromium.consoleErrors()).as("player page").isEmpty();

				// connect-src 'self' admits a same-origin WebSocket (CSP Level 3), which
				// the
				// live dashboard needs; the probe has no endpoint, so it fails with a
				// 404,
				// but not for the policy. A socket to another origin is refused by it.
				driver.get(server.url() + "/account/password");
				JavascriptExecutor js = (JavascriptExecutor) driver;
				js.executeScript("window.sbProbe = new WebSocket('ws://' + location.host + '/ws-csp-probe');");
				await().atMost(Duration.ofSeconds(15))
					.until(() -> Long.valueOf(3).equals(js.executeScript("return window.sbProbe.readyState;")));
				assertThat(chromium.consoleErrors()).noneMatch((line) -> line.contains("Content Security Policy"));
				js.executeScript("window.sbOther = new WebSocket('ws://localhost:9/elsewhere');");
				await().atMost(Duration.ofSeconds(15))
					.untilAsserted(() -> assertThat(chromium.consoleErrors())
						.anyMatch((line) -> line.contains("Content Security Policy") && line.contains("connect-src")));

				// the control: inline code is refused, and the refusal shows up in the
				// console
				((JavascriptExecutor) driver).executeScript("const s = document.createElement('script');"
						+ "s.textContent = 'document.title = \"pwned\"'; document.head.appendChild(s);");
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(chromium.consoleErrors()).anyMatch(
							(line) -> line.contains("Content Security Policy") && line.contains("inline script")));
				assertThat(driver.getTitle()).isNotEqualTo("pwned");
			}
		}
	}

}
