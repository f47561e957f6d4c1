package io.sunboard.server.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.server.security.Scope;

/**
 * The dashboard's WebSocket: registers each signed-in browser with the pusher and takes
 * its view requests. The only thing a browser can send is which page to look at, checked
 * against its scope; it can change nothing.
 */
@Component
class DashboardSocketHandler extends TextWebSocketHandler {

	/** A view request is a few dozen bytes; anything much larger is not one. */
	static final int MAX_REQUEST_BYTES = 1024;

	/**
	 * How long a send may block and how much may queue for a slow browser before it is
	 * dropped.
	 */
	private static final int SEND_TIME_LIMIT_MS = 10_000;

	private static final int BUFFER_LIMIT_BYTES = 1024 * 1024;

	private final DashboardPusher pusher;

	private final DashboardViews views;

	private final JsonCodec codec;

	DashboardSocketHandler(DashboardPusher pusher, DashboardViews views, JsonCodec codec) {
		this.pusher = pusher;
		this.views = views;
		this.codec = codec;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws IOException {
		if (!(session.getAttributes().get(ScopeHandshakeInterceptor.SCOPE) instanceof Scope scope)) {
			session.close(CloseStatus.POLICY_VIOLATION.withReason("sign in first"));
			return;
		}
		WebSocketSession concurrent = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS,
				BUFFER_LIMIT_BYTES);
		Object httpSession = session.getAttributes().get(ScopeHandshakeInterceptor.HTTP_SESSION);
		this.pusher.open(new DashboardSession(concurrent, scope, (httpSession instanceof String id) ? id : null,
				this.views.first()));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		DashboardSession dashboard = this.pusher.session(session.getId());
		if (dashboard == null) {
			return;
		}
		byte[] payload = message.getPayload().getBytes(StandardCharsets.UTF_8);
		if (payload.length > MAX_REQUEST_BYTES) {
			session.close(CloseStatus.TOO_BIG_TO_PROCESS.withReason("view requests are at most 1 KB"));
			return;
		}
		try {
			DashboardMessages.ViewRequest request = this.codec.decode(payload, DashboardMessages.ViewRequest.class);
			if (!"view".equals(request.type())) {
				throw new IllegalArgumentException("type must be 'view'");
			}
			dashboard.request(this.views.view(dashboard.scope(), request.schoolId(), request.health(), request.page(),
					request.size()));
			this.pusher.pushSnapshotsSoon();
		}
		catch (MalformedMessageException | IllegalArgumentException ex) {
			dashboard.send(this.codec.encodeToString(new DashboardMessages.Refusal("invalid", ex.getMessage())));
		}
		catch (DashboardViews.OutOfScope ex) {
			dashboard.send(this.codec.encodeToString(new DashboardMessages.Refusal("scope", ex.getMessage())));
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.pusher.closed(session.getId());
	}

}
