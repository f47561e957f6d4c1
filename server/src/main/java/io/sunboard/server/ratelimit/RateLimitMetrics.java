package io.sunboard.server.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@value #REJECTED}, tagged with the limit that refused. */
@Component
class RateLimitMetrics {

	static final String REJECTED = "sunboard.ratelimit.rejected";

	private final MeterRegistry registry;

	RateLimitMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void rejected(String limit, int count) {
		Counter.builder(REJECTED)
			.description("requests or device events refused by a rate limit")
			.tag("limit", limit)
			.register(this.registry)
			.increment(count);
	}

}
