package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A device's full desired state, published retained on its manifest topic.
 * {@code contentHash} covers everything but {@code version} and {@code generatedAt}, so
 * the server republishes only when what the screen should show has changed.
 *
 * @param regionId the school's region, whose alert topic the screen follows; null from
 * servers that predate it
 * @param documents small content documents new to the screen, carried along so it need
 * not fetch them: each one's exact text by its SHA-256 (the hash of its UTF-8 bytes). A
 * transport shortcut outside {@code contentHash}; a screen verifies each one and fetches
 * over HTTP what is missing or does not match. Left out of the JSON when empty, so older
 * peers see the manifest they always saw (docs/protocol.md).
 */
public record Manifest(int schema, String deviceId, String schoolId, String schoolName, long version,
		String contentHash, Instant generatedAt, List<ManifestItem> items, String regionId,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> documents) {

	public static final int SCHEMA = 1;

	public static final int MAX_ITEMS = 2000;

	/** At most this many documents travel in one manifest. */
	public static final int MAX_DOCUMENTS = 16;

	/**
	 * Their text together, in characters: what a screen accepts, not what a server sends.
	 */
	public static final int MAX_DOCUMENT_CHARS = 64 * 1024;

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
		documents = checkedDocuments(documents);
	}

	/** A manifest that carries no documents. */
	public Manifest(int schema, String deviceId, String schoolId, String schoolName, long version, String contentHash,
			Instant generatedAt, List<ManifestItem> items, String regionId) {
		this(schema, deviceId, schoolId, schoolName, version, contentHash, generatedAt, items, regionId, Map.of());
	}

	/** A manifest without a region (no region alerts). */
	public Manifest(int schema, String deviceId, String schoolId, String schoolName, long version, String contentHash,
			Instant generatedAt, List<ManifestItem> items) {
		this(schema, deviceId, schoolId, schoolName, version, contentHash, generatedAt, items, null);
	}

	/**
	 * The carried document with this hash, as bytes, only if they hash to it: anything
	 * else is fetched over HTTP as if it had not been carried.
	 */
	public Optional<byte[]> document(String sha256) {
		String text = this.documents.get(sha256);
		if (text == null) {
			return Optional.empty();
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return Sha256.of(bytes).equals(sha256) ? Optional.of(bytes) : Optional.empty();
	}

	/**
	 * This manifest without its carried documents: what a screen keeps once it used them.
	 */
	public Manifest withoutDocuments() {
		if (this.documents.isEmpty()) {
			return this;
		}
		return new Manifest(this.schema, this.deviceId, this.schoolId, this.schoolName, this.version, this.contentHash,
				this.generatedAt, this.items, this.regionId);
	}

	private static Map<String, String> checkedDocuments(Map<String, String> documents) {
		if (documents == null || documents.isEmpty()) {
			return Map.of();
		}
		if (documents.size() > MAX_DOCUMENTS) {
			throw new IllegalArgumentException(
					"documents holds at most " + MAX_DOCUMENTS + " entries; got " + documents.size());
		}
		long chars = 0;
		Map<String, String> checked = new LinkedHashMap<>();
		for (Map.Entry<String, String> document : documents.entrySet()) {
			Sha256.require(document.getKey(), "documents key");
			String text = Checks.text(document.getValue(), "documents." + document.getKey(), MAX_DOCUMENT_CHARS);
			chars += text.length();
			checked.put(document.getKey(), text);
		}
		if (chars > MAX_DOCUMENT_CHARS) {
			throw new IllegalArgumentException(
					"documents must hold at most " + MAX_DOCUMENT_CHARS + " characters in all; got " + chars);
		}
		return Collections.unmodifiableMap(checked);
	}

}
