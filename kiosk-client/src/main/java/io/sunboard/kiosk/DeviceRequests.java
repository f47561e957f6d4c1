package io.sunboard.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.sunboard.protocol.DeviceHttp;

/**
 * A GET to the server's device API with the device's token: the body on 200, otherwise an
 * IOException that says what to check. Shared by content downloads and replies.
 */
final class DeviceRequests {

	private DeviceRequests() {
	}

	/** The caller closes the stream. */
	static InputStream open(HttpClient http, URI uri, String authorization, Duration timeout) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header(DeviceHttp.AUTHORIZATION, authorization)
			.GET()
			.build();
		HttpResponse<InputStream> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while fetching " + uri, ex);
		}
		InputStream body = response.body();
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			body.close();
			throw new IOException("server refused the device token (HTTP " + status + ") for " + uri
					+ "; check device.id and device.secret");
		}
		if (status != 200) {
			body.close();
			throw new IOException("HTTP " + status + " from " + uri);
		}
		return body;
	}

}
