package io.sunboard.server.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
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

	// a plain mapper for this file format, like the calendar's; wire messages use
	// protocol's JsonCodec
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final KindCatalog kinds;

	private final AuditLog audit;

	private final Actor actor;

	private final Clock clock;

	private final Catalogue defaults;

	CatalogueService(JdbcClient jdbc, KindCatalog kinds, AuditLog audit, Actor actor, Clock clock) {
		this.jdbc = jdbc;
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
			.map((json) -> parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "school " + schoolId))
			.orElse(this.defaults);
	}

	public Catalogue defaults() {
		return this.defaults;
	}

	@Transactional
	public Catalogue replace(String schoolId, Catalogue catalogue) {
		Catalogue stored = checked(new Catalogue("school " + schoolId, catalogue.requirements()));
		String json = JSON.writeValueAsString(stored);
		this.jdbc.sql("delete from disclosure_catalogue_override where school_id = ?").param(schoolId).update();
		this.jdbc
			.sql("insert into disclosure_catalogue_override (school_id, catalogue, updated_at, updated_by)"
					+ " values (?, ?, ?, ?)")
			.params(schoolId, json, Jdbc.utc(this.clock.instant()), this.actor.name())
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
	public Catalogue parseRequest(String json) {
		if (json == null || json.isBlank()) {
			throw new IllegalArgumentException("send the catalogue as JSON: {\"requirements\": [...]}");
		}
		try {
			return JSON.readValue(json, Catalogue.class);
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

	private static Catalogue parse(byte[] json, String where) {
		try {
			return JSON.readValue(json, Catalogue.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("disclosure catalogue of " + where + " is not valid: "
					+ ex.getOriginalMessage() + "; see docs/feedback-and-compliance.md", ex);
		}
	}

}
