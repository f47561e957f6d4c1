package io.sunboard.protocol;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * Encodes the manifests of one dispatch, writing each distinct item list only once. The
 * screens of a school usually share one list, which was encoded twice for every screen
 * (hash and payload): half of a recompute of 10,000 changed manifests in ManifestBench
 * (docs/scaling.md). The bytes are exactly those of {@link JsonCodec#encode}.
 * <p>
 * Not thread-safe, and it keeps every list it saw: use one per dispatch, then drop it.
 */
public final class ManifestWriter {

	private final JsonCodec codec;

	/**
	 * Keyed by equality, not identity: {@link Manifest} copies its list, and equal lists
	 * built for two screens with the same tags share one encoding too.
	 */
	private final Map<List<ManifestItem>, String> encodedItems = new HashMap<>();

	/** Carried documents likewise: the screens of a school usually get the same ones. */
	private final Map<Map<String, String>, String> encodedDocuments = new HashMap<>();

	public ManifestWriter(JsonCodec codec) {
		this.codec = codec;
	}

	/** The JSON array of these items, as {@link JsonCodec#encode} writes it. */
	public String items(List<ManifestItem> items) {
		return this.encodedItems.computeIfAbsent(items, this.codec::encodeToString);
	}

	/** The manifest's bytes, equal to {@code codec.encode(manifest)}. */
	public byte[] encode(Manifest manifest) {
		return this.codec.encode(new Encoded(manifest.schema(), manifest.deviceId(), manifest.schoolId(),
				manifest.schoolName(), manifest.version(), manifest.contentHash(), manifest.generatedAt(),
				items(manifest.items()), manifest.regionId(), manifest.documents().isEmpty() ? null
						: this.encodedDocuments.computeIfAbsent(manifest.documents(), this.codec::encodeToString)));
	}

	/**
	 * {@link Manifest}'s shape with the items already written. The codec sorts properties
	 * by name, so the component order does not matter, only the names.
	 */
	private record Encoded(int schema, String deviceId, String schoolId, String schoolName, long version,
			String contentHash, Instant generatedAt, @JsonRawValue String items, String regionId,
			@JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String documents) {

	}

}
