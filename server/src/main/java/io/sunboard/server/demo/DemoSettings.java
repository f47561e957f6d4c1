package io.sunboard.server.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled seed a district, two schools, screens and postings, and run a kiosk
 * client in-process
 * @param playerPort where the demo lobby screen serves its player page (127.0.0.1)
 */
@ConfigurationProperties("sunboard.demo")
public record DemoSettings(@DefaultValue("false") boolean enabled, @DefaultValue("8090") int playerPort) {

}
