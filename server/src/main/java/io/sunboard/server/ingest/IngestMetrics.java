package io.sunboard.server.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import io.sunboard.protocol.MalformedMessageException;

/**
 * Counters for what ingest accepted, found duplicate, and rejected (by reason and
 * channel).
 */
@Component
public class IngestMetrics {

	public static final String REJECTED = "sunboard.ingest.rejected";

	public static final String EVENTS = "sunboard.ingest.events";

	private final MeterRegistry registry;

	private final Counter stored;

	private final Counter duplicates;

	IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.stored = Counter.builder(EVENTS).tag("result", "stored").register(registry);
		this.duplicates = Counter.builder(EVENTS).tag("result", "duplicate").register(registry);
	}

	void rejected(String channel, MalformedMessageException.Reason reason) {
		Counter.builder(REJECTED)
			.description("inbound device messages refused, by reason")
			.tag("channel", channel)
			.tag("reason", reason.label())
			.register(this.registry)
			.increment();
	}

	void stored(int count) {
		this.stored.increment(count);
	}

	void duplicates(int count) {
		this.duplicates.increment(count);
	}

}
