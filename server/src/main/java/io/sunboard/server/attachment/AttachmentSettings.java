package io.sunboard.server.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.sunboard.protocol.Attachment;

/**
 * @param maxSize the largest attachment accepted; at most the protocol's limit (20 MB),
 * and {@code spring.servlet.multipart.max-file-size} must allow it too
 */
@ConfigurationProperties("sunboard.attachments")
public record AttachmentSettings(@DefaultValue("20MB") DataSize maxSize) {

	public AttachmentSettings {
		if (maxSize.toBytes() <= 0 || maxSize.toBytes() > Attachment.MAX_SIZE) {
			throw new IllegalArgumentException("sunboard.attachments.max-size must be between 1 byte and "
					+ Attachment.MAX_SIZE + " bytes (20MB); got " + maxSize);
		}
	}

}
