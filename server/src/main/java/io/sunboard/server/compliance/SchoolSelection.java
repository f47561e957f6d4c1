package io.sunboard.server.compliance;

import java.util.List;

import org.springframework.stereotype.Component;

import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;
import io.sunboard.server.system.NotFoundException;

/**
 * Turns a report's {@code regionId=} or {@code schoolId=} into the schools it covers,
 * checking that the signed-in account may read all of them: a school's staff may ask for
 * their school, district staff for their region.
 */
@Component
public class SchoolSelection {

	private final SchoolRepository schools;

	private final AccessPolicy access;

	SchoolSelection(SchoolRepository schools, AccessPolicy access) {
		this.schools = schools;
		this.access = access;
	}

	/**
	 * @param required whether one of the two must be given; otherwise nothing means every
	 * school the account may read
	 */
	public Selected resolve(String regionId, String schoolId, boolean required) {
		boolean region = regionId != null && !regionId.isBlank();
		boolean school = schoolId != null && !schoolId.isBlank();
		if (region && school) {
			throw new IllegalArgumentException("give regionId or schoolId, not both");
		}
		if (school) {
			School s = this.schools.find(schoolId)
				.orElseThrow(() -> new NotFoundException("no school '" + schoolId + "'"));
			this.access.require(Permission.READ, s.id());
			return new Selected("school", s.id(), s.name(), List.of(s));
		}
		if (region) {
			if (!this.schools.regionExists(regionId)) {
				throw new NotFoundException("no region '" + regionId + "'");
			}
			this.access.requireRegion(Permission.READ, regionId);
			List<School> inRegion = this.schools.findAll()
				.stream()
				.filter((s) -> s.regionId().equals(regionId))
				.toList();
			return new Selected("region", regionId, regionId, inRegion);
		}
		if (required) {
			throw new IllegalArgumentException("give regionId or schoolId: whose report it is");
		}
		return new Selected("all", null, null, this.access.readable(this.schools.findAll(), School::id));
	}

	/**
	 * @param type {@code school}, {@code region} or {@code all}
	 */
	public record Selected(String type, String id, String name, List<School> schools) {

		public List<String> schoolIds() {
			return this.schools.stream().map(School::id).toList();
		}

	}

}
