package io.sunboard.server.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Manifest;
import io.sunboard.protocol.ManifestItem;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.server.schedule.ScheduleSettings;
import io.sunboard.server.school.School;
import io.sunboard.server.system.Jdbc;

/**
 * What the screens hold now, read from the manifests the server published and the state
 * the screens reported.
 */
@Component
class ScreenChecks {

	private final JdbcClient jdbc;

	private final JsonCodec codec;

	private final ScheduleSettings schedule;

	ScreenChecks(JdbcClient jdbc, JsonCodec codec, ScheduleSettings schedule) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.schedule = schedule;
	}

	/**
	 * Per school: it must have a live, proactive fee notice in the manifest of at least
	 * one of its public (not staff-only) screens. One query for all the schools.
	 */
	Map<String, List<ComplianceReport.Flag>> feeNoticeFlags(List<School> schools,
			Map<String, List<DisclosedPosting>> postings, String feeKind, Instant now) {
		Map<String, List<String>> payloads = publicManifestPayloads(schools.stream().map(School::id).toList());
		Map<String, List<ComplianceReport.Flag>> out = new HashMap<>();
		for (School school : schools) {
			out.put(school.id(), feeNoticeFlags(school, postings.getOrDefault(school.id(), List.of()), feeKind, now,
					payloads.getOrDefault(school.id(), List.of())));
		}
		return out;
	}

	private List<ComplianceReport.Flag> feeNoticeFlags(School school, List<DisclosedPosting> postings, String feeKind,
			Instant now, List<String> payloads) {
		Set<String> liveFeeNotices = new HashSet<>();
		for (DisclosedPosting p : postings) {
			if (p.kind().equals(feeKind) && p.proactive()
					&& p.status() == io.sunboard.server.posting.PostingStatus.APPROVED
					&& !now.isBefore(p.publicityStart()) && now.isBefore(p.publicityEnd())) {
				liveFeeNotices.add(p.id());
			}
		}
		if (liveFeeNotices.isEmpty()) {
			return List.of(new ComplianceReport.Flag("NO_LIVE_FEE_NOTICE", school.id(),
					"no approved, proactive fee notice is in its publicity period", "noFeeNoticeInPeriod", List.of()));
		}
		for (String payload : payloads) {
			// ids are plain ASCII, never escaped in JSON: a manifest whose text does not
			// name a live notice cannot list it, so only the few that do are decoded
			if (!mentionsAny(payload, liveFeeNotices)) {
				continue;
			}
			Manifest manifest = decode(payload);
			if (manifest == null) {
				continue;
			}
			for (ManifestItem item : manifest.items()) {
				if (liveFeeNotices.contains(item.postingId())) {
					return List.of();
				}
			}
		}
		return List.of(new ComplianceReport.Flag("NO_LIVE_FEE_NOTICE", school.id(),
				"a fee notice is approved but no public screen of the school has it scheduled", "feeNoticeNotScheduled",
				List.of()));
	}

	/**
	 * Per school: active screens whose newest manifest lists something to show and was
	 * published before {@code since}, but which have not applied it. One query for all
	 * the schools; each school's screens in id order.
	 */
	Map<String, List<ComplianceReport.Flag>> staleScreens(List<School> schools, Instant since) {
		Map<String, List<ComplianceReport.Flag>> flags = new HashMap<>();
		if (schools.isEmpty()) {
			return flags;
		}
		this.jdbc
			.sql("select d.id, d.school_id, d.name, m.version, m.payload, m.published_at, s.applied_manifest_version,"
					+ " s.online from device d join device_manifest m on m.device_id = d.id"
					+ " left join device_state s on s.device_id = d.id"
					+ " where d.school_id in (:schools) and d.active = true and m.published_at < :since"
					+ " and (s.applied_manifest_version is null or s.applied_manifest_version < m.version)"
					+ " order by d.school_id, d.id")
			.param("schools", schools.stream().map(School::id).toList())
			.param("since", Jdbc.utc(since))
			.query((rs, row) -> {
				Manifest manifest = decode(rs.getString("payload"));
				if (manifest != null && !manifest.items().isEmpty()) {
					long applied = rs.getLong("applied_manifest_version");
					boolean online = rs.getBoolean("online");
					List<String> args = List.of(rs.getString("name"), String.valueOf(manifest.items().size()),
							String.valueOf(rs.getLong("version")), String.valueOf(Jdbc.instant(rs, "published_at")),
							String.valueOf(applied));
					flags.computeIfAbsent(rs.getString("school_id"), (k) -> new ArrayList<>())
						.add(new ComplianceReport.Flag("SCREEN_NOT_APPLIED", rs.getString("id"),
								"'" + args.get(0) + "' should show " + args.get(1) + " item(s) from manifest "
										+ args.get(2) + " published " + args.get(3) + " but has applied version "
										+ args.get(4) + (online ? "" : " (offline)"),
								online ? "screenNotApplied" : "screenNotAppliedOffline", args));
				}
				return null;
			})
			.list();
		return flags;
	}

	/** The manifests of the schools' active public screens, undecoded, by school. */
	private Map<String, List<String>> publicManifestPayloads(List<String> schoolIds) {
		Map<String, List<String>> out = new HashMap<>();
		if (schoolIds.isEmpty()) {
			return out;
		}
		this.jdbc
			.sql("select d.school_id, m.payload from device d join device_manifest m on m.device_id = d.id"
					+ " where d.school_id in (:schools) and d.active = true and not exists (select 1 from device_tag t"
					+ " where t.device_id = d.id and t.tag = :staff)")
			.param("schools", schoolIds)
			.param("staff", this.schedule.staffTag())
			.query((rs, row) -> out.computeIfAbsent(rs.getString("school_id"), (k) -> new ArrayList<>())
				.add(rs.getString("payload")))
			.list();
		return out;
	}

	private static boolean mentionsAny(String payload, Set<String> ids) {
		for (String id : ids) {
			if (payload.contains("\"" + id + "\"")) {
				return true;
			}
		}
		return false;
	}

	private Manifest decode(String payload) {
		try {
			return this.codec.decode(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), Manifest.class);
		}
		catch (MalformedMessageException ex) {
			return null; // written by this server; an unreadable one cannot show anything
		}
	}

}
