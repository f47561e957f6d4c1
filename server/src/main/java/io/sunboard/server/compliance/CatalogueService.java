package io.sunboard.server.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.server.audit.AuditLog;
import io.sunboard.server.system.Actor;
import io.sunboard.server.system.Jdbc;
import io.sunboard.templates.KindCatalog;

/**
 * The default disclosure catalogue ({@code classpath:compliance/catalogue.json}) and the
 * schools' own catalogues that replace it.
 */
@Service
public class CatalogueService {

	private final JdbcClient jdbc;

	private final KindCatalog kinds;

	private final AuditLog audit;

	private final Actor actor;

	private final Clock clock;

	private final Catalogue defaults;

	/**
	 * Not a wire shape (that is protocol's JsonCodec): staff's JSON, read like the API's.
	 */
	private final JsonMapper json;

	CatalogueService(JdbcClient jdbc, KindCatalog kinds, AuditLog audit, Actor actor, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.kinds = kinds;
		this.audit = audit;
		this.actor = actor;
		this.clock = clock;
		try (InputStream in = new ClassPathResource("compliance/catalogue.json").getInputStream()) {
			this.defaults = checked(parse(in.readAllBytes(), "compliance/catalogue.json"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the default disclosure catalogue", ex);
		}
	}

	/** The school's own catalogue, or the default. */
	public Catalogue forSchool(String schoolId) {
		return override(schoolId)
			.map((text) -> parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "school " + schoolId))
			.orElse(this.defaults);
	}

	/** Each school's own catalogue or the default, read with one query. */
	public Map<String, Catalogue> forSchools(Collection<String> schoolIds) {
		Map<String, Catalogue> out = new HashMap<>();
		if (!schoolIds.isEmpty()) {
			this.jdbc
				.sql("select school_id, catalogue from disclosure_catalogue_override where school_id in (:schools)")
				.param("schools", new ArrayList<>(schoolIds))
				.query((rs, row) -> out.put(rs.getString("school_id"),
						parse(rs.getString("catalogue").getBytes(java.nio.charset.StandardCharsets.UTF_8),
								"school " + rs.getString("school_id"))))
				.list();
		}
		for (String id : schoolIds) {
			out.putIfAbsent(id, this.defaults);
		}
		return out;
	}

	public Catalogue defaults() {
		return this.defaults;
	}

	@Transactional
	public Catalogue replace(String schoolId, Catalogue catalogue) {
		Catalogue stored = checked(new Catalogue("school " + schoolId, catalogue.requirements()));
		String text = this.json.writeValueAsString(stored);
		this.jdbc.sql("delete from disclosure_catalogue_override where school_id = ?").param(schoolId).update();
		this.jdbc
			.sql("insert into disclosure_catalogue_override (school_id, catalogue, updated_at, updated_by)"
					+ " values (?, ?, ?, ?)")
			.params(schoolId, text, Jdbc.utc(this.clock.instant()), this.actor.name())
			.update();
		this.audit.record("compliance.catalogue-replaced", schoolId, schoolId,
				stored.requirements().size() + " requirement(s)");
		return stored;
	}

	@Transactional
	public Catalogue reset(String schoolId) {
		int removed = this.jdbc.sql("delete from disclosure_catalogue_override where school_id = ?")
			.param(schoolId)
			.update();
		if (removed > 0) {
			this.audit.record("compliance.catalogue-reset", schoolId, schoolId, "back to the default catalogue");
		}
		return this.defaults;
	}

	/** A catalogue sent by staff; says what is wrong with it. */
	public Catalogue parseRequest(String body) {
		if (body == null || body.isBlank()) {
			throw new IllegalArgumentException("send the catalogue as JSON: {\"requirements\": [...]}");
		}
		try {
			return this.json.readValue(body, Catalogue.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the catalogue is not valid: " + ex.getOriginalMessage()
					+ "; see docs/feedback-and-compliance.md for the format");
		}
	}

	private Optional<String> override(String schoolId) {
		return this.jdbc.sql("select catalogue from disclosure_catalogue_override where school_id = ?")
			.param(schoolId)
			.query(String.class)
			.optional();
	}

	private Catalogue checked(Catalogue catalogue) {
		for (Requirement r : catalogue.requirements()) {
			if (this.kinds.find(r.kind()).isEmpty()) {
				throw new IllegalArgumentException(
						"requirement kind '" + r.kind() + "' is not a posting kind; use one of " + this.kinds.ids());
			}
		}
		return catalogue;
	}

	private Catalogue parse(byte[] file, String where) {
		try {
			return this.json.readValue(file, Catalogue.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("disclosure catalogue of " + where + " is not valid: "
					+ ex.getOriginalMessage() + "; see docs/feedback-and-compliance.md", ex);
		}
	}

}
