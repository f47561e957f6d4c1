package io.sunboard.server.alert;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.sunboard.server.school.Region;
import io.sunboard.server.school.School;
import io.sunboard.server.school.SchoolRepository;
import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.Permission;

/**
 * What the alerts page shows an account: the alerts in force on screens it can see, and
 * the schools and regions it may alert.
 */
@Component
class AlertPageModel {

	/**
	 * Regions have no zone of their own; a region's alert is shown in its schools' zone,
	 * or in the zone new schools get when the region has none yet.
	 */
	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private final AlertService alerts;

	private final AlertAccess alertAccess;

	private final AccessPolicy access;

	private final SchoolRepository schools;

	AlertPageModel(AlertService alerts, AlertAccess alertAccess, AccessPolicy access, SchoolRepository schools) {
		this.alerts = alerts;
		this.alertAccess = alertAccess;
		this.access = access;
		this.schools = schools;
	}

	/**
	 * Fills the page's model; {@code form} is what was typed, or null for a fresh form.
	 */
	void fill(Model model, Form form) {
		List<School> allSchools = this.schools.findAll();
		Map<String, School> schoolsById = allSchools.stream()
			.collect(Collectors.toMap(School::id, Function.identity()));
		List<Region> regions = this.schools.findRegions();
		Map<String, String> regionNames = regions.stream().collect(Collectors.toMap(Region::id, Region::name));
		List<School> readable = this.access.readable(allSchools, School::id);
		List<Row> rows = this.alerts.inForce()
			.stream()
			.filter((a) -> (a.scope() == AlertScope.SCHOOL) ? this.access.allowed(Permission.READ, a.targetId())
					: readable.stream().anyMatch((s) -> s.regionId().equals(a.targetId()))
							|| this.access.allowedInRegion(Permission.READ, a.targetId()))
			.map((a) -> new Row(a.scope().label(), a.targetId(),
					name(a.scope(), a.targetId(), schoolsById, regionNames), a.text(),
					a.issuedAt().atZone(zone(a.scope(), a.targetId(), allSchools)),
					this.alertAccess.allowed(a.scope(), a.targetId())))
			.toList();
		List<School> alertableSchools = allSchools.stream()
			.filter((s) -> this.alertAccess.allowed(AlertScope.SCHOOL, s.id()))
			.toList();
		List<Region> alertableRegions = regions.stream()
			.filter((r) -> this.alertAccess.allowed(AlertScope.REGION, r.id()))
			.toList();
		model.addAttribute("alerts", rows);
		model.addAttribute("schools", alertableSchools);
		model.addAttribute("regions", alertableRegions);
		model.addAttribute("form", (form != null) ? form : Form.fresh(alertableSchools, alertableRegions));
		model.addAttribute("maxText", AlertService.MAX_TEXT);
	}

	/** The school's or region's name, or its id when there is no such target. */
	String targetName(AlertScope scope, String id) {
		if (scope == AlertScope.SCHOOL) {
			return this.schools.find(id).map(School::name).orElse(id);
		}
		return this.schools.findRegions()
			.stream()
			.filter((r) -> r.id().equals(id))
			.map(Region::name)
			.findFirst()
			.orElse(id);
	}

	private static String name(AlertScope scope, String id, Map<String, School> schools, Map<String, String> regions) {
		if (scope == AlertScope.SCHOOL) {
			School school = schools.get(id);
			return (school != null) ? school.name() : id;
		}
		return regions.getOrDefault(id, id);
	}

	private static ZoneId zone(AlertScope scope, String id, List<School> schools) {
		return schools.stream()
			.filter((s) -> (scope == AlertScope.SCHOOL) ? s.id().equals(id) : s.regionId().equals(id))
			.map(School::timeZone)
			.findFirst()
			.orElse(DEFAULT_ZONE);
	}

	/** One alert in force as the page lists it; {@code scope} as it goes in URLs. */
	record Row(String scope, String targetId, String targetName, String text, ZonedDateTime issuedAt,
			boolean mayClear) {
	}

	/**
	 * The raise form as typed; {@code target} is the scope and id as one value, such as
	 * {@code region:fengze}.
	 */
	record Form(String target, String text) {

		/** A single choice is preselected, so a school's secretary only has to type. */
		static Form fresh(List<School> schools, List<Region> regions) {
			if (schools.size() + regions.size() != 1) {
				return new Form(null, null);
			}
			return new Form(schools.isEmpty() ? value(AlertScope.REGION, regions.get(0).id())
					: value(AlertScope.SCHOOL, schools.get(0).id()), null);
		}

		static String value(AlertScope scope, String id) {
			return scope.label() + ":" + id;
		}

		/** The scope chosen, or null when the target is missing or malformed. */
		AlertScope scope() {
			int colon = (this.target != null) ? this.target.indexOf(':') : -1;
			return (colon > 0) ? AlertScope.find(this.target.substring(0, colon)) : null;
		}

		/** The school's or region's id, or null when the target is missing. */
		String targetId() {
			int colon = (this.target != null) ? this.target.indexOf(':') : -1;
			String id = (colon >= 0) ? this.target.substring(colon + 1).strip() : "";
			return id.isEmpty() ? null : id;
		}

	}

}
