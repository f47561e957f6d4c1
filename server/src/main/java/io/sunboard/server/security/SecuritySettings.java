package io.sunboard.server.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param lockAfter failed logins in a row after which an account is locked
 * @param lockFor how long it stays locked (slows password guessing to a crawl without
 * locking staff out for the day)
 * @param minPasswordLength shortest password accepted for an account
 * @param maxRequestBody largest request body accepted that is not a multipart upload
 * (JSON, forms, screenshots); a posting with the largest tables the content rules allow
 * stays well under it
 */
@ConfigurationProperties("sunboard.security")
public record SecuritySettings(@DefaultValue("5") int lockAfter, @DefaultValue("PT15M") Duration lockFor,
		@DefaultValue("10") int minPasswordLength, @DefaultValue("16MB") DataSize maxRequestBody) {

}
