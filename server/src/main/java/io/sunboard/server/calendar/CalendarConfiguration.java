package io.sunboard.server.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sunboard.server.system.SunboardSettings;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	WorkingDayCalendar workingDayCalendar(SunboardSettings settings) {
		return new WorkingDayCalendar(CalendarFiles.load(settings.dataDir().resolve("calendar")));
	}

}
