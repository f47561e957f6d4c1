package io.sunboard.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key the console templates use is in both the zh-CN and the English bundle
 * (or the templates' own bundle, for kinds, fields and tables).
 */
class ConsoleMessagesTests {

	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)[}(]");

	@Test
	void everyLiteralKeyOfTheConsoleTemplatesIsTranslated() throws IOException {
		Properties zh = load("messages.properties");
		Properties en = load("messages_en.properties");
		Set<String> used = new HashSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/console"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(file));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(used).allSatisfy((key) -> {
			assertThat(zh).as("zh-CN " + key).containsKey(key);
			assertThat(en).as("en " + key).containsKey(key);
		});
		assertThat(en.keySet()).containsAll(zh.keySet());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ConsoleMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
