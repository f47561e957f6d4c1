package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header(DeviceHttp.AUTHORIZATION, this.authorization)
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while fetching " + this.uri, ex);
		}
		try (InputStream body = response.body()) {
			int status = response.statusCode();
			if (status == 401 || status == 403) {
				throw new IOException("server refused the device token (HTTP " + status + ") for " + this.uri
						+ "; check device.id and device.secret");
			}
			if (status != 200) {
				throw new IOException("HTTP " + status + " from " + this.uri);
			}
			byte[] bytes = body.readNBytes(JsonCodec.MAX_REPLIES_BYTES + 1);
			if (bytes.length > JsonCodec.MAX_REPLIES_BYTES) {
				throw new IOException(
						"the replies from " + this.uri + " are larger than " + JsonCodec.MAX_REPLIES_BYTES + " bytes");
			}
			return bytes;
		}
	}

}
