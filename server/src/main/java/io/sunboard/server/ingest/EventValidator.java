package io.sunboard.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventType;

/**
 * Checks each event of a batch against the server's clock (corrected by the screen's
 * measured clock offset) and the known postings; one bad event never costs the batch.
 */
@Component
class EventValidator {

	private static final Set<EventType> ABOUT_A_POSTING = Set.of(EventType.PLAYED, EventType.PLAYED_SUMMARY,
			EventType.INTERACTION, EventType.RATING);

	private final JdbcClient jdbc;

	private final IngestSettings settings;

	EventValidator(JdbcClient jdbc, IngestSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * The devices among {@code deviceIds} that are active, each with the server's clock
	 * minus the screen's (zero before its first status): adding it turns the screen's
	 * time into the server's. One query for a whole bunch of batches, since every batch
	 * needs both.
	 */
	Map<String, Duration> activeClockOffsets(Collection<String> deviceIds) {
		Map<String, Duration> offsets = new HashMap<>();
		if (deviceIds.isEmpty()) {
			return offsets;
		}
		this.jdbc
			.sql("select d.id, coalesce(s.clock_offset_ms, 0) from device d"
					+ " left join device_state s on s.device_id = d.id where d.id in (:ids) and d.active")
			.param("ids", deviceIds)
			.query((rs) -> {
				offsets.put(rs.getString(1), Duration.ofMillis(rs.getLong(2)));
			});
		return offsets;
	}

	/**
	 * Sorts a batch into the events to store and those refused, by reason.
	 * @param offset the screen's clock offset from {@link #activeClockOffsets}
	 * @param known the postings that exist among those the events name
	 * ({@link #knownPostings})
	 */
	Checked check(List<DeviceEvent> events, Duration offset, Instant now, Set<String> known) {
		Instant latest = now.plus(this.settings.maxFuture());
		Instant oldest = now.minus(this.settings.retention());
		List<DeviceEvent> accepted = new ArrayList<>();
		Map<EventRejection, Integer> rejected = new EnumMap<>(EventRejection.class);
		for (DeviceEvent e : events) {
			Instant last = (e.lastAt() != null) ? e.lastAt() : e.at();
			EventRejection reason = null;
			if (last.plus(offset).isAfter(latest)) {
				reason = EventRejection.FUTURE_TIMESTAMP;
			}
			else if (e.at().plus(offset).isBefore(oldest)) {
				reason = EventRejection.TOO_OLD;
			}
			else if (ABOUT_A_POSTING.contains(e.type()) && !known.contains(e.postingId())) {
				reason = EventRejection.UNKNOWN_POSTING;
			}
			if (reason == null) {
				accepted.add(e);
			}
			else {
				rejected.merge(reason, 1, Integer::sum);
			}
		}
		return new Checked(accepted, rejected);
	}

	/** The postings named by any of the events that exist: one query for a bunch. */
	Set<String> knownPostings(Collection<DeviceEvent> events) {
		Set<String> referenced = new HashSet<>();
		events.stream().filter((e) -> ABOUT_A_POSTING.contains(e.type())).forEach((e) -> referenced.add(e.postingId()));
		if (referenced.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select id from posting where id in (:ids)")
			.param("ids", referenced)
			.query(String.class)
			.list());
	}

	/** The events to store, and how many were refused for each reason. */
	record Checked(List<DeviceEvent> accepted, Map<EventRejection, Integer> rejected) {

	}

}
