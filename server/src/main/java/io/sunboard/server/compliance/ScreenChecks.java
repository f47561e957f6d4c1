package io.sunboard.server.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
	 * A school must have a live, proactive fee notice in the manifest of at least one of
	 * its public (not staff-only) screens.
	 */
	List<ComplianceReport.Flag> feeNoticeFlags(School school, List<DisclosedPosting> postings, String feeKind,
			Instant now) {
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
		for (Manifest manifest : publicManifests(school.id())) {
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
	 * Active screens whose newest manifest lists something to show and was published
	 * before {@code since}, but which have not applied it.
	 */
	List<ComplianceReport.Flag> staleScreens(School school, Instant since) {
		List<ComplianceReport.Flag> flags = new ArrayList<>();
		this.jdbc
			.sql("select d.id, d.name, m.version, m.payload, m.published_at, s.applied_manifest_version, s.online"
					+ " from device d join device_manifest m on m.device_id = d.id"
					+ " left join device_state s on s.device_id = d.id"
					+ " where d.school_id = ? and d.active = true and m.published_at < ?"
					+ " and (s.applied_manifest_version is null or s.applied_manifest_version < m.version)"
					+ " order by d.id")
			.params(school.id(), Jdbc.utc(since))
			.query((rs, row) -> {
				Manifest manifest = decode(rs.getString("payload"));
				if (manifest != null && !manifest.items().isEmpty()) {
					long applied = rs.getLong("applied_manifest_version");
					boolean online = rs.getBoolean("online");
					List<String> args = List.of(rs.getString("name"), String.valueOf(manifest.items().size()),
							String.valueOf(rs.getLong("version")), String.valueOf(Jdbc.instant(rs, "published_at")),
							String.valueOf(applied));
					flags.add(new ComplianceReport.Flag("SCREEN_NOT_APPLIED", rs.getString("id"),
							"'" + args.get(0) + "' should show " + args.get(1) + " item(s) from manifest " + args.get(2)
									+ " published " + args.get(3) + " but has applied version " + args.get(4)
									+ (online ? "" : " (offline)"),
							online ? "screenNotApplied" : "screenNotAppliedOffline", args));
				}
				return null;
			})
			.list();
		return flags;
	}

	private List<Manifest> publicManifests(String schoolId) {
		return this.jdbc
			.sql("select m.payload from device d join device_manifest m on m.device_id = d.id"
					+ " where d.school_id = ? and d.active = true and not exists (select 1 from device_tag t"
					+ " where t.device_id = d.id and t.tag = ?)")
			.params(schoolId, this.schedule.staffTag())
			.query((rs, row) -> decode(rs.getString("payload")))
			.list()
			.stream()
			.filter((m) -> m != null)
			.toList();
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
