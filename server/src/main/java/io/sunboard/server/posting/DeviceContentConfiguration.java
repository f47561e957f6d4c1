package io.sunboard.server.posting;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.sunboard.protocol.DeviceHttp;
import io.sunboard.server.device.DeviceRegistry;
import io.sunboard.server.dispatch.ManifestReferences;

/** Puts {@link DeviceContentFilter} first, on the content path alone. */
@Configuration(proxyBeanMethods = false)
class DeviceContentConfiguration {

	@Bean
	FilterRegistrationBean<DeviceContentFilter> deviceContentFilter(ContentStore contents, DeviceRegistry registry,
			ManifestReferences references, MeterRegistry meters) {
		FilterRegistrationBean<DeviceContentFilter> registration = new FilterRegistrationBean<>(
				new DeviceContentFilter(contents, registry, references, meters));
		// ahead of the observation, encoding and security filters: it answers every
		// request on its path itself and sets the security headers it would have got
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns(DeviceHttp.CONTENT_PREFIX + "*");
		return registration;
	}

}
