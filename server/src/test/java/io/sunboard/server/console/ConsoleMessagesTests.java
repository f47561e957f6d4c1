package io.sunboard.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key a server page uses (console, dashboard, reports, feedback,
 * compliance, annual report, public pages) is in the zh-CN, zh-TW and English bundles (or
 * the templates' own bundle, for kinds, fields and tables), and no page carries Chinese
 * text of its own: what a person reads comes from the bundles.
 */
class ConsoleMessagesTests {

	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)[}(]");

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void everyLiteralKeyOfTheServerPagesIsTranslated() throws IOException {
		Properties zh = load("messages.properties");
		Properties tw = load("messages_zh_TW.properties");
		Properties en = load("messages_en.properties");
		Set<String> used = new HashSet<>();
		for (Path file : templates()) {
			Matcher matcher = KEY.matcher(Files.readString(file));
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}
		assertThat(used).hasSizeGreaterThan(100);
		Properties kinds = loadKinds();
		assertThat(used).allSatisfy((key) -> {
			if (!kinds.containsKey(key)) {
				assertThat(zh).as("zh-CN " + key).containsKey(key);
				assertThat(tw).as("zh-TW " + key).containsKey(key);
				assertThat(en).as("en " + key).containsKey(key);
			}
		});
		assertThat(en.keySet()).containsAll(zh.keySet());
		assertThat(tw.keySet()).containsAll(zh.keySet());
	}

	/**
	 * Chinese outside {@code th:} attributes and comments is text a reader would see
	 * untranslated; language names in the switch (marked with their own {@code lang}) are
	 * the one exception, since each is written in its own language.
	 */
	@Test
	void noServerPageHoldsChineseTextOfItsOwn() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : templates()) {
			String text = Files.readString(file)
				.replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("th:[a-z-]+=\"[^\"]*\"", "");
			String[] lines = text.split("\n");
			for (int i = 0; i < lines.length; i++) {
				if (CJK.matcher(lines[i]).find() && !lines[i].contains("lang=\"zh")) {
					found.add(TEMPLATES.relativize(file) + ": " + lines[i].strip());
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theRuleCatchesChineseTextInAPage() {
		String page = "<p>请登录</p>";
		assertThat(CJK.matcher(page.replaceAll("th:[a-z-]+=\"[^\"]*\"", "")).find()).isTrue();
		assertThat(CJK.matcher("<p th:text=\"#{x}\" title=\"\">x</p>".replaceAll("th:[a-z-]+=\"[^\"]*\"", "")).find())
			.isFalse();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).toList();
		}
	}

	private static Properties loadKinds() throws IOException {
		return load("io/sunboard/templates/messages.properties");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ConsoleMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
