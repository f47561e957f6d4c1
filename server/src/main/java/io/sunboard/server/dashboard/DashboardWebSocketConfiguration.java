package io.sunboard.server.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import io.sunboard.server.security.AccessPolicy;

/**
 * Plain WebSocket (no STOMP) at {@value #PATH}: each browser gets its own diffed view, so
 * a message broker's topics would add a protocol and a client library without carrying
 * anything. No allowed origins are set, so Spring accepts only same-origin handshakes
 * (another site's page cannot open it with the staff's cookie).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class DashboardWebSocketConfiguration implements WebSocketConfigurer {

	static final String PATH = "/console/dashboard/ws";

	private final DashboardSocketHandler handler;

	private final AccessPolicy access;

	DashboardWebSocketConfiguration(DashboardSocketHandler handler, AccessPolicy access) {
		this.handler = handler;
		this.access = access;
	}

	/**
	 * Turns the servlet container's session events into Spring events, so an open
	 * dashboard is closed when its sign-in ends.
	 */
	@Bean
	static HttpSessionEventPublisher dashboardSessionEvents() {
		return new HttpSessionEventPublisher();
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, PATH).addInterceptors(new ScopeHandshakeInterceptor(this.access));
	}

}
