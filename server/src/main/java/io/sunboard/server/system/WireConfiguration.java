package io.sunboard.server.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;

@Configuration(proxyBeanMethods = false)
class WireConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	JsonCodec jsonCodec() {
		return new JsonCodec();
	}

	@Bean
	Topics topics(SunboardSettings settings) {
		return new Topics(settings.topicRoot());
	}

}
