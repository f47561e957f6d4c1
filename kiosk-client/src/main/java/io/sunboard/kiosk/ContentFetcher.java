package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import io.sunboard.protocol.DeviceHttp;

/**
 * Downloads posting documents from the server by hash, authenticated with the device's
 * token. Verification is the content store's job; this class only brings bytes.
 */
final class ContentFetcher implements ContentSource {

	/**
	 * A posting document is a few kilobytes of JSON; anything far larger is a
	 * misconfigured server, and reading it would exhaust a 96 MB heap.
	 */
	static final int MAX_BYTES = 4 * 1024 * 1024;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;

	private final URI serverUrl;

	private final String authorization;

	ContentFetcher(HttpClient http, URI serverUrl, String deviceId, String secret) {
		this.http = http;
		this.serverUrl = serverUrl;
		this.authorization = DeviceHttp.bearer(deviceId, secret);
	}

	static HttpClient newHttpClient() {
		return HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/**
	 * The bytes the server holds for {@code sha256}; an IOException names what went
	 * wrong.
	 */
	@Override
	public byte[] fetch(String sha256) throws IOException {
		try (InputStream body = open(sha256)) {
			byte[] bytes = body.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new IOException(sha256 + " is larger than " + MAX_BYTES + " bytes; refusing it");
			}
			return bytes;
		}
	}

	/**
	 * Attachments travel by the same content path as documents (the server stores both by
	 * sha256), streamed into the store.
	 */
	@Override
	public void fetchInto(String sha256, long maxBytes, ContentStore store) throws IOException {
		try (InputStream body = open(sha256)) {
			store.put(sha256, body, maxBytes);
		}
	}

	private InputStream open(String sha256) throws IOException {
		return DeviceRequests.open(this.http, URI.create(this.serverUrl + DeviceHttp.contentPath(sha256)),
				this.authorization, TIMEOUT);
	}

}
