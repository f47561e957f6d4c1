package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word the player and touch pages show comes from {@code touch*.properties}, and
 * every language has every key: the build fails on a hard-coded text or a missing
 * translation.
 */
class TouchTextTests {

	private static final String DIR = "io/sunboard/kiosk/";

	/** {@code label('key')} or {@code label('prefix.' + name)} in touch.js. */
	private static final Pattern LABEL_USE = Pattern.compile("label\\(\\s*'([A-Za-z0-9_.\\-]+)'(\\s*\\+)?");

	@ParameterizedTest
	@ValueSource(strings = { "touch_zh_TW.properties", "touch_en.properties" })
	void translationHasExactlyTheKeysOfTheDefaultBundle(String bundle) throws IOException {
		assertThat(load(bundle).stringPropertyNames()).as("keys of %s (the default bundle is touch.properties)", bundle)
			.containsExactlyInAnyOrderElementsOf(load("touch.properties").stringPropertyNames());
	}

	@ParameterizedTest
	@ValueSource(strings = { "touch.properties", "touch_zh_TW.properties", "touch_en.properties" })
	void noLabelIsBlank(String bundle) throws IOException {
		Properties labels = load(bundle);
		assertThat(labels.stringPropertyNames())
			.allSatisfy((key) -> assertThat(labels.getProperty(key)).as("%s in %s", key, bundle).isNotBlank());
	}

	@Test
	void everyLabelTheScriptAsksForIsInTheBundles() throws IOException {
		Set<String> keys = load("touch.properties").stringPropertyNames();
		Matcher matcher = LABEL_USE.matcher(read("touch.js"));
		Set<String> used = new TreeSet<>();
		while (matcher.find()) {
			String key = matcher.group(1);
			used.add(key);
			if (matcher.group(2) != null) {
				assertThat(keys).as("labels starting with %s", key).anyMatch((k) -> k.startsWith(key));
			}
			else {
				assertThat(keys).as("label %s used by touch.js", key).contains(key);
			}
		}
		assertThat(used).contains("home.title", "search.placeholder", "idle.warning", "table.next", "replies.open",
				"replies.title", "replies.about", "replies.meta", "replies.empty");
		assertThat(keys).as("the shell's title").contains("page.title");
	}

	/**
	 * The kind labels of published replies are looked up by the client
	 * ({@link TouchReplies}), not by the script: one per kind the protocol names, and one
	 * for a kind a newer server may add.
	 */
	@Test
	void everyReplyKindHasALabel() throws IOException {
		assertThat(load("touch.properties").stringPropertyNames()).contains("replies.kind.consultation",
				"replies.kind.complaint", "replies.kind.suggestion", "replies.kind.other");
	}

	@ParameterizedTest
	@ValueSource(strings = { "touch.js", "player.js" })
	void scriptsWriteNoTextOfTheirOwnOnTheScreen(String script) throws IOException {
		assertThat(HardCodedText.inScript(read(script)))
			.as("hard-coded text in %s; add a label to touch.properties", script)
			.isEmpty();
	}

	@Test
	void playerShellHasNoTextOfItsOwn() throws IOException {
		assertThat(HardCodedText.inHtml(read("player.html"))).as("text in player.html; fill it from the bundles")
			.isEmpty();
	}

	/** The checks above would pass on anything if the detector found nothing. */
	@Test
	void detectorCatchesEachWayOfWritingTextOnTheScreen() {
		assertThat(HardCodedText.inScript("node.textContent = 'Back';")).hasSize(1);
		assertThat(HardCodedText.inScript("var x = \"返回首页\";")).hasSize(1);
		assertThat(HardCodedText.inScript("input.placeholder = \"Search\";")).hasSize(1);
		assertThat(HardCodedText.inScript("node.setAttribute('aria-label', 'Close');")).hasSize(1);
		assertThat(HardCodedText.inScript("box.appendChild(document.createTextNode('Hi'));")).hasSize(1);
		assertThat(HardCodedText.inScript("element('p', 'sb-note', 'Thank you')")).hasSize(1);
		assertThat(HardCodedText.inScript("button('sb-ok', 'OK', done)")).hasSize(1);
		assertThat(HardCodedText.inHtml("<p>欢迎</p>")).containsExactly("欢迎");
		assertThat(HardCodedText.inHtml("<img alt=\"logo\" src=\"/a.png\">")).hasSize(1);

		assertThat(HardCodedText.inScript("node.textContent = label('back');")).isEmpty();
		assertThat(HardCodedText.inScript("element('p', 'sb-note', label('feedback.thanks'))")).isEmpty();
		assertThat(HardCodedText.inScript("element('ul', 'sb-touch-list', '')")).isEmpty();
		assertThat(HardCodedText.inScript("// 注释 may say anything\nvar a = 1;")).isEmpty();
		assertThat(HardCodedText.inHtml("<title>{{title}}</title>")).isEmpty();
	}

	private static String read(String name) throws IOException {
		try (InputStream in = TouchTextTests.class.getClassLoader().getResourceAsStream(DIR + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Properties load(String name) throws IOException {
		try (InputStream in = TouchTextTests.class.getClassLoader().getResourceAsStream(DIR + name)) {
			assertThat(in).as(name).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
	}

}
