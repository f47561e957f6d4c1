package io.sunboard.server.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.server.system.SunboardSettings;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	WorkingDayCalendar workingDayCalendar(SunboardSettings settings, JsonMapper json) {
		return new WorkingDayCalendar(new CalendarFiles(json).load(settings.dataDir().resolve("calendar")));
	}

}
