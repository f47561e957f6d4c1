package io.sunboard.protocol;

/** The device-facing HTTP API: paths and the header a device authenticates with. */
public final class DeviceHttp {

	/** {@code Authorization: Bearer <deviceId>:<secret>} */
	public static final String AUTHORIZATION = "Authorization";

	public static final String CONTENT_PREFIX = "/device-api/v1/content/";

	/**
	 * {@code PUT} a PNG in answer to the screenshot command named by the last segment.
	 */
	public static final String SCREENSHOT_PREFIX = "/device-api/v1/screenshots/";

	/**
	 * {@code GET}: the server's clock, for the device's clock offset in its heartbeat.
	 */
	public static final String TIME_PATH = "/device-api/v1/time";

	/**
	 * {@code GET} with the device token: the replies the device's school published, a
	 * JSON array of {@link PublishedReply}, newest first.
	 */
	public static final String FEEDBACK_REPLIES_PATH = "/device-api/v1/feedback-replies";

	/**
	 * The largest screenshot the server takes: a 1080p PNG of a text page is far below.
	 */
	public static final int MAX_SCREENSHOT_BYTES = 4 * 1024 * 1024;

	private DeviceHttp() {
	}

	public static String contentPath(String sha256) {
		return CONTENT_PREFIX + Sha256.require(sha256, "sha256");
	}

	public static String screenshotPath(String commandId) {
		return SCREENSHOT_PREFIX + Ids.require(commandId, "commandId");
	}

	public static String bearer(String deviceId, String secret) {
		return "Bearer " + Ids.require(deviceId, "deviceId") + ":" + secret;
	}

}
