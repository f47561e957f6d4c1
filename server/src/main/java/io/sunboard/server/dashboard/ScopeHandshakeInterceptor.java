package io.sunboard.server.dashboard;

import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.sunboard.server.security.AccessPolicy;
import io.sunboard.server.security.SunboardUser;

/**
 * Lets only signed-in staff open the dashboard's WebSocket and pins the session to the
 * account's scope at the handshake, while the request still carries the sign-in: pushes
 * later run on the pusher's thread, where there is no request to ask.
 */
final class ScopeHandshakeInterceptor implements HandshakeInterceptor {

	static final String SCOPE = "sunboard.dashboard.scope";

	static final String USER = "sunboard.dashboard.user";

	static final String HTTP_SESSION = "sunboard.dashboard.http-session";

	private final AccessPolicy access;

	ScopeHandshakeInterceptor(AccessPolicy access) {
		this.access = access;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		SunboardUser user;
		try {
			user = this.access.currentUser();
		}
		catch (AccessDeniedException ex) {
			response.setStatusCode(HttpStatus.FORBIDDEN);
			return false;
		}
		attributes.put(SCOPE, user.scope());
		attributes.put(USER, user.getUsername());
		if (request instanceof ServletServerHttpRequest servlet) {
			// so signing out (or the session timing out) closes the dashboard too
			HttpSession session = servlet.getServletRequest().getSession(false);
			if (session != null) {
				attributes.put(HTTP_SESSION, session.getId());
			}
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}
