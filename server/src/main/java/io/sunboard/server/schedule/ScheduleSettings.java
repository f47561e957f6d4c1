package io.sunboard.server.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param horizon how far ahead each manifest lists windows, so a screen plays correctly
 * offline for that long
 * @param staffTag the device tag that marks a screen in a staff room: only such screens
 * show postings whose disclosure attribute is internal
 */
@ConfigurationProperties("sunboard.schedule")
public record ScheduleSettings(@DefaultValue("P7D") Duration horizon, @DefaultValue("staff-only") String staffTag) {

}
