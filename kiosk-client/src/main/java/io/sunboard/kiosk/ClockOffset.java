package io.sunboard.kiosk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;

/**
 * Measures how far this machine's clock is from the server's, for the heartbeat: a screen
 * without NTP drifts, and its proof-of-play times with it. The offset is the server's
 * time minus the midpoint of the request, so network delay cancels out to within half the
 * round trip.
 */
final class ClockOffset {

	private static final Logger log = LoggerFactory.getLogger(ClockOffset.class);

	private final HttpClient http;

	private final URI uri;

	private final JsonCodec codec;

	private final Clock clock;

	private final AtomicReference<Long> offsetMs = new AtomicReference<>();

	ClockOffset(HttpClient http, URI serverUrl, JsonCodec codec, Clock clock) {
		this.http = http;
		this.uri = URI.create(serverUrl + DeviceHttp.TIME_PATH);
		this.codec = codec;
		this.clock = clock;
	}

	/** Server minus device, in ms; null until measured. */
	Long offsetMs() {
		return this.offsetMs.get();
	}

	/** Measures once (blocking); a failure keeps the last value. */
	void measure() {
		try {
			Instant sent = this.clock.instant();
			HttpResponse<byte[]> response = this.http.send(
					HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			Instant received = this.clock.instant();
			if (response.statusCode() != 200) {
				log.debug("Clock check: HTTP {} from {}", response.statusCode(), this.uri);
				return;
			}
			Map<?, ?> body = this.codec.decode(response.body(), Map.class);
			Instant server = Instant.parse(String.valueOf(body.get("now")));
			Instant midpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
			long offset = Duration.between(midpoint, server).toMillis();
			Long previous = this.offsetMs.getAndSet(offset);
			if (Math.abs(offset) > 5_000 && (previous == null || Math.abs(previous) <= 5_000)) {
				log.warn("This machine's clock is {} ms off the server's; check NTP", offset);
			}
		}
		catch (IOException | RuntimeException | MalformedMessageException ex) {
			log.debug("Clock check against {} failed: {}", this.uri, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
