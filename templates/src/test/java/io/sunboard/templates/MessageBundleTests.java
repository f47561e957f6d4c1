package io.sunboard.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user-visible word comes from the bundles, and every bundle has every key. */
class MessageBundleTests {

	private static final String DIR = "io/sunboard/templates/";

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

	@ParameterizedTest
	@ValueSource(strings = { "messages_zh_TW.properties", "messages_en.properties" })
	void translationHasExactlyTheKeysOfTheDefaultBundle(String bundle) throws IOException {
		assertThat(load(bundle).stringPropertyNames())
			.as("keys of %s (the default bundle is messages.properties)", bundle)
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyATemplateUsesIsInTheDefaultBundle() throws Exception {
		Set<String> used = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
	}

	@Test
	void templatesHaveNoHardCodedText() throws Exception {
		for (Path template : templates()) {
			String text = Files.readString(template)
				.replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<[^>]*>", "")
				.strip();
			assertThat(text).as("text outside tags in %s; move it to messages.properties", template).isEmpty();
		}
	}

	/**
	 * Text a reader sees or hears in an attribute (alternative text, tooltips, labels for
	 * screen readers) comes from the bundles too: {@code th:alt="#{…}"}, never
	 * {@code alt="…"}.
	 */
	@Test
	void templatesHaveNoHardCodedTextInAttributes() throws Exception {
		Pattern literal = Pattern.compile("(?<![:\\w-])(?:alt|title|placeholder|aria-label)\\s*=\\s*\"[^\"]+\"");
		assertThat(literal.matcher("<img alt=\"logo\">").find()).as("the check itself").isTrue();
		assertThat(literal.matcher("<img th:alt=\"#{posting.qr}\">").find()).as("the check itself").isFalse();
		for (Path template : templates()) {
			Matcher matcher = literal.matcher(Files.readString(template).replaceAll("(?s)<!--.*?-->", ""));
			assertThat(matcher.find()).as("literal text attribute in %s; use th:… with a #{key}", template).isFalse();
		}
	}

	private static List<Path> templates() throws URISyntaxException, IOException {
		Path root = Path.of(MessageBundleTests.class.getClassLoader().getResource(DIR + "idle.html").toURI())
			.getParent();
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String name) throws IOException {
		try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(DIR + name)) {
			assertThat(in).as(name).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
	}

}
