package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.JsonCodec;

/**
 * Fetches the school's published replies with the device's token, like content: at most
 * {@link JsonCodec#MAX_REPLIES_BYTES} are read, so a misbehaving server cannot fill the
 * kiosk's small heap.
 */
final class ReplyFetcher implements ReplySource {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;

	private final URI uri;

	private final String authorization;

	private final Duration timeout;

	ReplyFetcher(HttpClient http, URI serverUrl, String deviceId, String secret, Duration timeout) {
		this.http = http;
		this.uri = URI.create(serverUrl + DeviceHttp.FEEDBACK_REPLIES_PATH);
		this.authorization = DeviceHttp.bearer(deviceId, secret);
		this.timeout = timeout;
	}

	@Override
	public byte[] fetch() throws IOException {
		try (InputStream body = DeviceRequests.open(this.http, this.uri, this.authorization, this.timeout)) {
			byte[] bytes = body.readNBytes(JsonCodec.MAX_REPLIES_BYTES + 1);
			if (bytes.length > JsonCodec.MAX_REPLIES_BYTES) {
				throw new IOException(
						"the replies from " + this.uri + " are larger than " + JsonCodec.MAX_REPLIES_BYTES + " bytes");
			}
			return bytes;
		}
	}

}
