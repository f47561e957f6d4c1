package io.sunboard.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapper for wire messages. Output is canonical (properties and map keys
 * sorted, ISO instants), so equal messages have equal bytes and equal hashes. Unknown
 * properties are ignored so an older peer accepts a newer one's additions.
 */
public final class JsonCodec {

	/** The largest MQTT payload any Sunboard receiver decodes. */
	public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

	/**
	 * The largest content document (fetched over HTTP, not MQTT): a body of 200,000 CJK
	 * characters is about 600 KB of UTF-8.
	 */
	public static final int MAX_CONTENT_BYTES = 4 * 1024 * 1024;

	/**
	 * The largest answer of {@link DeviceHttp#FEEDBACK_REPLIES_PATH}: 50 replies of 2,000
	 * CJK characters each way are about 600 KB of UTF-8.
	 */
	public static final int MAX_REPLIES_BYTES = 1024 * 1024;

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.addModule(new SimpleModule("sunboard-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
		.build();

	public byte[] encode(Object message) {
		return this.mapper.writeValueAsBytes(message);
	}

	public String encodeToString(Object message) {
		return new String(encode(message), StandardCharsets.UTF_8);
	}

	/**
	 * Decodes and validates a message.
	 * @throws MalformedMessageException naming why the payload was refused
	 */
	public <T> T decode(byte[] payload, Class<T> type) throws MalformedMessageException {
		return decode(payload, type, MAX_PAYLOAD_BYTES);
	}

	/** Decodes a content document, which may be larger than an MQTT message. */
	public PostingContent decodeContent(byte[] payload) throws MalformedMessageException {
		return decode(payload, PostingContent.class, MAX_CONTENT_BYTES);
	}

	/**
	 * Decodes the published replies of a school: every element is validated, and more
	 * than {@link PublishedReply#MAX_COUNT} is refused.
	 * @throws MalformedMessageException naming why the payload was refused
	 */
	public List<PublishedReply> decodeReplies(byte[] payload) throws MalformedMessageException {
		PublishedReply[] replies = decode(payload, PublishedReply[].class, MAX_REPLIES_BYTES);
		if (replies.length > PublishedReply.MAX_COUNT) {
			throw new MalformedMessageException(MalformedMessageException.Reason.INVALID,
					"at most " + PublishedReply.MAX_COUNT + " replies; got " + replies.length);
		}
		for (PublishedReply reply : replies) {
			if (reply == null) {
				throw new MalformedMessageException(MalformedMessageException.Reason.INVALID,
						"replies must not contain null entries");
			}
		}
		return List.of(replies);
	}

	private <T> T decode(byte[] payload, Class<T> type, int maxBytes) throws MalformedMessageException {
		if (payload == null || payload.length == 0) {
			throw new MalformedMessageException(MalformedMessageException.Reason.NOT_JSON, "empty payload");
		}
		if (payload.length > maxBytes) {
			throw new MalformedMessageException(MalformedMessageException.Reason.TOO_LARGE,
					payload.length + " bytes, limit " + maxBytes);
		}
		try {
			T value = this.mapper.readValue(payload, type);
			if (value == null) {
				throw new MalformedMessageException(MalformedMessageException.Reason.NOT_JSON, "null document");
			}
			return value;
		}
		catch (JacksonException ex) {
			IllegalArgumentException invalid = findInvalidArgument(ex);
			if (invalid != null) {
				throw new MalformedMessageException(MalformedMessageException.Reason.INVALID, invalid.getMessage());
			}
			throw new MalformedMessageException(MalformedMessageException.Reason.NOT_JSON,
					"not a " + type.getSimpleName() + ": " + ex.getOriginalMessage());
		}
	}

	private static IllegalArgumentException findInvalidArgument(Throwable ex) {
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof IllegalArgumentException iae) {
				return iae;
			}
		}
		return null;
	}

}
