package io.sunboard.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.sunboard.server.system.PortCheck;

/**
 * The Sunboard server: console, REST API, dispatch to screens, ingest of what they
 * showed.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SunboardApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SunboardApplication.class);
		application.addListeners(new PortCheck());
		application.run(args);
	}

}
