package io.sunboard.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The posting kinds, read from {@code kinds.json}: the copy in this jar by default, or an
 * administrator's own file, so kinds and their rules change without a new build.
 */
public final class KindCatalog {

	/** The kind whose template every unknown kind falls back to. */
	public static final String GENERAL = "general";

	static final String RESOURCE = "io/sunboard/templates/kinds.json";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Map<String, KindDefinition> kinds;

	private final ColumnRoles columnRoles;

	private final List<String> order;

	KindCatalog(List<KindDefinition> kinds, ColumnRoles columnRoles) {
		Map<String, KindDefinition> byId = new LinkedHashMap<>();
		for (KindDefinition kind : kinds) {
			if (byId.put(kind.id(), kind) != null) {
				throw new IllegalArgumentException("kind " + kind.id() + " is defined twice");
			}
		}
		if (!byId.containsKey(GENERAL)) {
			throw new IllegalArgumentException("the kinds must include '" + GENERAL + "', the fallback");
		}
		this.kinds = Map.copyOf(byId);
		this.columnRoles = columnRoles;
		this.order = List.copyOf(byId.keySet());
	}

	/** The kinds shipped in this jar. */
	public static KindCatalog standard() {
		try (InputStream in = KindCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the templates jar");
			}
			return read(in, RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	/** An administrator's kinds file, in the format of the shipped {@code kinds.json}. */
	public static KindCatalog load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the kinds file " + file, ex);
		}
	}

	private static KindCatalog read(InputStream in, String source) {
		try {
			File file = MAPPER.readValue(in, File.class);
			return new KindCatalog(file.kinds(), new ColumnRoles(file.columnRoles()));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("The kinds file " + source + " is not valid: " + ex.getMessage(), ex);
		}
	}

	public Optional<KindDefinition> find(String id) {
		return Optional.ofNullable(this.kinds.get(id));
	}

	/**
	 * The kind's definition, or the general notice's for a kind this build does not know,
	 * so a newer server never leaves an older screen blank.
	 */
	public KindDefinition forRendering(String id) {
		return this.kinds.getOrDefault(id, this.kinds.get(GENERAL));
	}

	/** Kind ids in the order of the file. */
	public List<String> ids() {
		return this.order;
	}

	public ColumnRoles columnRoles() {
		return this.columnRoles;
	}

	private record File(Map<String, List<String>> columnRoles, List<KindDefinition> kinds) {

		File {
			if (kinds == null || kinds.isEmpty()) {
				throw new IllegalArgumentException("the file defines no kinds");
			}
		}

	}

}
