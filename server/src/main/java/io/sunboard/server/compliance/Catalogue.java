package io.sunboard.server.compliance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The disclosures a school must make; {@code source} says where it came from. */
public record Catalogue(String source, List<Requirement> requirements) {

	public Catalogue {
		requirements = (requirements == null) ? List.of() : List.copyOf(requirements);
		Set<String> kinds = new HashSet<>();
		for (Requirement r : requirements) {
			if (!kinds.add(r.kind())) {
				throw new IllegalArgumentException("kind '" + r.kind() + "' is listed twice; keep one requirement");
			}
		}
	}

}
