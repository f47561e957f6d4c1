package io.sunboard.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Caps the body of every request that is not a multipart upload (JSON, forms, device
 * uploads) at {@code sunboard.security.max-request-body}; multipart uploads have Spring's
 * own {@code spring.servlet.multipart.*} limits. A declared length over the cap gets 413
 * at once; a chunked body is cut off when it passes the cap, which the reader sees as a
 * failed read (a 400), so no handler ever holds more than the cap in memory.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final MessageSource messages;

	private final LocaleResolver locales;

	RequestSizeFilter(long maxBytes, MessageSource messages, LocaleResolver locales) {
		this.maxBytes = maxBytes;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maxBytes) {
			String text = this.messages.getMessage("security.body-too-large",
					new Object[] { Long.toString(this.maxBytes) }, this.locales.resolveLocale(request));
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("text/plain;charset=UTF-8");
			response.setHeader("Connection", "close");
			response.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(new Capped(request, this.maxBytes), response);
	}

	private static final class Capped extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Capped(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CappedStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

	}

	private static final class CappedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		CappedStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new IOException("request body over the limit of " + this.maxBytes + " bytes");
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
