package io.sunboard.server;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.sunboard.testsupport.HeadlessChromium;

import static org.awaitility.Awaitility.await;

/** A person at the console in a real browser: signs in and out, fills forms. */
final class ConsoleBrowser {

	private final HeadlessChromium chromium;

	private final String baseUrl;

	ConsoleBrowser(HeadlessChromium chromium, String baseUrl) {
		this.chromium = chromium;
		this.baseUrl = baseUrl;
	}

	WebDriver driver() {
		return this.chromium.driver();
	}

	void open(String path) {
		driver().get(this.baseUrl + path);
	}

	void signIn(String username, String password) {
		open("/login");
		driver().findElement(By.name("username")).sendKeys(username);
		driver().findElement(By.name("password")).sendKeys(password);
		driver().findElement(By.cssSelector("button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> !driver().getCurrentUrl().contains("/login"));
	}

	void signOut() {
		driver().findElement(By.cssSelector(".console-account form button")).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> driver().getCurrentUrl().contains("/login"));
	}

	void type(String selector, String text) {
		WebElement element = driver().findElement(By.cssSelector(selector));
		element.clear();
		element.sendKeys(text);
	}

	/**
	 * Sets an input's value as the page's script would see it typed: date and time
	 * pickers do not take keystrokes the same way in every locale.
	 */
	void set(String selector, String value) {
		WebElement element = driver().findElement(By.cssSelector(selector));
		((JavascriptExecutor) driver()).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
				element, value);
	}

	void click(String selector) {
		driver().findElement(By.cssSelector(selector)).click();
	}

	String text(String selector) {
		return driver().findElement(By.cssSelector(selector)).getText();
	}

	boolean present(String selector) {
		return !driver().findElements(By.cssSelector(selector)).isEmpty();
	}

	String bodyText() {
		return driver().findElement(By.tagName("body")).getText();
	}

	void screenshot(String name) {
		this.chromium.screenshot(name);
	}

	/** The page's width beyond the window: 0 when nothing forces sideways scrolling. */
	long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) driver())
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

}
