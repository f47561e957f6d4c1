package io.sunboard.server.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads calendar years: those shipped in {@code classpath:calendar/cn-*.json}, then those
 * an administrator drops into a folder ({@code sunboard.calendar.dir}); a file there
 * replaces the shipped one for the same year.
 */
final class CalendarFiles {

	private final JsonMapper json;

	/**
	 * @param json the application's mapper
	 */
	CalendarFiles(JsonMapper json) {
		this.json = json;
	}

	List<CalendarYear> load(Path adminDir) {
		List<CalendarYear> years = new ArrayList<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/cn-*.json")) {
				try (InputStream in = r.getInputStream()) {
					years.add(parse(in.readAllBytes(), r.getDescription()));
				}
			}
			if (adminDir != null && Files.isDirectory(adminDir)) {
				try (DirectoryStream<Path> files = Files.newDirectoryStream(adminDir, "cn-*.json")) {
					for (Path file : files) {
						CalendarYear year = parse(Files.readAllBytes(file), file.toString());
						years.removeIf((y) -> y.year() == year.year());
						years.add(year);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the working-day calendar files", ex);
		}
		return years;
	}

	CalendarYear parse(byte[] file, String where) {
		try {
			return this.json.readValue(file, CalendarYear.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("calendar file " + where + " is not valid: " + ex.getOriginalMessage()
					+ "; see docs/calendar.md for the format", ex);
		}
	}

}
