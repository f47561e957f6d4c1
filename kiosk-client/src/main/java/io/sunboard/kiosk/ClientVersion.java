package io.sunboard.kiosk;

/** The version this client reports in its status and heartbeat. */
final class ClientVersion {

	private ClientVersion() {
	}

	/** Implementation-Version from the jar manifest; "dev" when run from classes. */
	static String current() {
		String version = ClientVersion.class.getPackage().getImplementationVersion();
		if (version == null || version.isBlank()) {
			return "dev";
		}
		return (version.length() > 64) ? version.substring(0, 64) : version;
	}

}
