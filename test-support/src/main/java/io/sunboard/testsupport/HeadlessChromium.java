package io.sunboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver of the same version. Both
 * paths are given explicitly so Selenium Manager never tries to download a driver or a
 * browser. Each instance has a fresh profile, so no state leaks between tests.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * Selenium warns at every start that it has no DevTools bindings for Debian's newer
	 * Chromium. Nothing here needs them (CDP commands go through chromedriver), so the
	 * warning would only send readers looking for a missing dependency. Held in a field
	 * because java.util.logging forgets settings of loggers nobody references.
	 */
	private static final List<Logger> CDP_VERSION_LOGGERS = quietCdpVersionWarnings(
			"org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver");

	private final ChromeDriver driver;

	private final Path profile;

	private final List<String> consoleErrors = new ArrayList<>();

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** A 1920x1080 window, the size of the campus screens. */
	public static HeadlessChromium start() {
		return start(1920, 1080);
	}

	/**
	 * A window whose page area (viewport, and so every screenshot) is exactly
	 * {@code width} x {@code height} CSS pixels.
	 */
	public static HeadlessChromium start(int width, int height) {
		require(CHROMIUM, "chromium");
		require(CHROMEDRIVER, "chromium-driver");
		Path profile = TempDirectories.create("sunboard-chromium-");
		try {
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options(width, height, profile));
			try {
				setViewport(driver, width, height);
			}
			catch (RuntimeException ex) {
				driver.quit();
				throw ex;
			}
			return new HeadlessChromium(driver, profile);
		}
		catch (RuntimeException ex) {
			TempDirectories.delete(profile);
			throw ex;
		}
	}

	/**
	 * New headless mode takes the browser's own UI off --window-size, leaving a shorter
	 * page; screens show pages at exactly their resolution, so the page area is set to
	 * it.
	 */
	private static void setViewport(ChromeDriver driver, int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Writes {@code target/screenshots/<name>.png} under the working directory (the
	 * module's directory under Maven), where CI keeps it as evidence.
	 */
	public Path screenshot(String name) {
		if (name == null || !name.matches("[A-Za-z0-9_.\\-]+")) {
			throw new IllegalArgumentException(
					"screenshot name must be letters, digits, '.', '-' or '_' (it becomes a file name); got " + name);
		}
		Path file = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write screenshot " + file, ex);
		}
		return file;
	}

	/**
	 * The controls on the page smaller than {@code 44 x 44} CSS px (WCAG 2.5.5, the
	 * kiosk's rule), each as "class widthxheight"; controls not rendered have no box and
	 * are skipped.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> smallTouchTargets(WebDriver driver) {
		List<Object> small = (List<Object>) ((JavascriptExecutor) driver).executeScript(SMALL_TARGETS);
		return small.stream().map(String::valueOf).toList();
	}

	private static final String SMALL_TARGETS = "var small = [];"
			+ "document.querySelectorAll('button, input, select, textarea, a[href], [role=button]')"
			+ ".forEach(function (e) { var r = e.getBoundingClientRect();"
			+ " if (r.width === 0 && r.height === 0) { return; }"
			+ " if (r.width < 44 || r.height < 44) { small.push(e.className + ' ' + r.width + 'x' + r.height); } });"
			+ "return small;";

	/**
	 * Browser console messages at SEVERE level (console.error, uncaught exceptions,
	 * failed loads) since the browser started. Chromedriver hands out each message only
	 * once, so they are collected here across calls.
	 */
	public synchronized List<String> consoleErrors() {
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				this.consoleErrors.add(entry.getMessage());
			}
		}
		return List.copyOf(this.consoleErrors);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			TempDirectories.delete(this.profile);
		}
	}

	private static ChromeOptions options(int width, int height, Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// --disable-dev-shm-usage: containers often have a tiny /dev/shm, which crashes
		// tabs. The --disable-* network flags keep the browser from calling out, since
		// only Maven Central is reachable here.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		return options;
	}

	private static List<Logger> quietCdpVersionWarnings(String... names) {
		List<Logger> loggers = new ArrayList<>();
		for (String name : names) {
			Logger logger = Logger.getLogger(name);
			logger.setFilter((record) -> record.getMessage() == null
					|| !record.getMessage().startsWith("Unable to find") || !record.getMessage().contains("CDP"));
			loggers.add(logger);
		}
		return List.copyOf(loggers);
	}

	private static void require(Path executable, String debianPackage) {
		if (!Files.isExecutable(executable)) {
			throw new IllegalStateException("headless browser tests need " + executable + ": install Debian's "
					+ debianPackage + " (bash .ci/run does)");
		}
	}

}
