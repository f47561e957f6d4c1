package io.sunboard.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A device's full desired state, published retained on its manifest topic.
 * {@code contentHash} covers everything but {@code version} and {@code generatedAt}, so
 * the server republishes only when what the screen should show has changed.
 *
 * @param regionId the school's region, whose alert topic the screen follows; null from
 * servers that predate it
 */
public record Manifest(int schema, String deviceId, String schoolId, String schoolName, long version,
		String contentHash, Instant generatedAt, List<ManifestItem> items, String regionId) {

	public static final int SCHEMA = 1;

	public static final int MAX_ITEMS = 2000;

	public Manifest {
		Ids.require(deviceId, "deviceId");
		Ids.require(schoolId, "schoolId");
		Checks.optionalText(schoolName, "schoolName", 200);
		Checks.nonNegative(version, "version");
		Sha256.require(contentHash, "contentHash");
		Checks.present(generatedAt, "generatedAt");
		items = Checks.list(items, "items", MAX_ITEMS);
		if (regionId != null) {
			Ids.require(regionId, "regionId");
		}
	}

	/** A manifest without a region (no region alerts). */
	public Manifest(int schema, String deviceId, String schoolId, String schoolName, long version, String contentHash,
			Instant generatedAt, List<ManifestItem> items) {
		this(schema, deviceId, schoolId, schoolName, version, contentHash, generatedAt, items, null);
	}

}
