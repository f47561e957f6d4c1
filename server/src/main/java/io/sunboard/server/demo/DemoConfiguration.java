package io.sunboard.server.demo;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.posting.PostingService;
import io.sunboard.server.review.ReviewService;
import io.sunboard.server.schedule.ScheduleService;
import io.sunboard.server.security.AccountService;
import io.sunboard.server.school.SchoolRepository;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sunboard.demo.enabled", havingValue = "true")
class DemoConfiguration {

	@Bean
	DemoData demoData(SchoolRepository schools, DeviceRegistry registry, PostingService postings,
			ScheduleService schedule, AccountService accounts, ReviewService reviews, UserDetailsService users,
			Clock clock) {
		return new DemoData(schools, registry, postings, schedule, accounts, reviews, new RunAs(users), clock);
	}

}
