package io.sunboard.protocol;

/** The device-facing HTTP API: paths and the header a device authenticates with. */
public final class DeviceHttp {

	/** {@code Authorization: Bearer <deviceId>:<secret>} */
	public static final String AUTHORIZATION = "Authorization";

	public static final String CONTENT_PREFIX = "/device-api/v1/content/";

	private DeviceHttp() {
	}

	public static String contentPath(String sha256) {
		return CONTENT_PREFIX + Sha256.require(sha256, "sha256");
	}

	public static String bearer(String deviceId, String secret) {
		return "Bearer " + Ids.require(deviceId, "deviceId") + ":" + secret;
	}

}
