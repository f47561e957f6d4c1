package io.sunboard.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.MalformedMessageException;

/**
 * What ingest accepted, found duplicate and rejected (by reason and channel), how late
 * events arrive, and how many screens are online; all under {@code /actuator/metrics}.
 */
@Component
public class IngestMetrics {

	public static final String REJECTED = "sunboard.ingest.rejected";

	public static final String EVENTS = "sunboard.ingest.events";

	/** received_at - occurred_at of each newly stored event. */
	public static final String LAG = "sunboard.ingest.lag";

	public static final String SCREENS_ONLINE = "sunboard.screens.online";

	private final MeterRegistry registry;

	private final Counter stored;

	private final Counter duplicates;

	private final Timer lag;

	IngestMetrics(MeterRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		this.stored = Counter.builder(EVENTS)
			.description("device events stored (rate: events per second)")
			.tag("result", "stored")
			.register(registry);
		this.duplicates = Counter.builder(EVENTS).tag("result", "duplicate").register(registry);
		this.lag = Timer.builder(LAG)
			.description("how long after it happened an event was stored (received_at - occurred_at)")
			.publishPercentiles(0.5, 0.99)
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofDays(2))
			.register(registry);
		// read when scraped: the database is the truth shared by every server instance
		Gauge
			.builder(SCREENS_ONLINE, jdbc,
					(db) -> db.sql("select count(*) from device_state s join device d on d.id = s.device_id"
							+ " where s.online = true and d.active = true")
						.query(Long.class)
						.single())
			.description("active screens whose last status is online")
			.register(registry);
	}

	void rejected(String channel, MalformedMessageException.Reason reason) {
		rejected(channel, reason.label(), 1);
	}

	void rejectedEvents(EventRejection reason, int count) {
		rejected("ev", reason.label(), count);
	}

	private void rejected(String channel, String reason, int count) {
		Counter.builder(REJECTED)
			.description("inbound device messages refused, by reason")
			.tag("channel", channel)
			.tag("reason", reason)
			.register(this.registry)
			.increment(count);
	}

	void stored(List<DeviceEvent> events, Instant receivedAt) {
		this.stored.increment(events.size());
		for (DeviceEvent e : events) {
			Duration late = Duration.between(e.at(), receivedAt);
			this.lag.record(late.isNegative() ? Duration.ZERO : late);
		}
	}

	void duplicates(int count) {
		this.duplicates.increment(count);
	}

}
