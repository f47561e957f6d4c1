package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Replaces Paho 1.2.5's class of the same name, which overrides only {@code read()}:
 * every inbound PUBLISH is decoded through it twice
 * ({@code MqttWireMessage.createWireMessage} and the {@code MqttPublish} constructor), so
 * {@link InputStream}'s default bulk read copied each payload one byte at a time through
 * the synchronized {@code ByteArrayInputStream.read()}. With 10 KB event batches that was
 * 11% of the server's CPU at 20,000 events/s (JFR, docs/scaling.md). This version counts
 * bulk reads and skips as well; it behaves the same otherwise.
 * <p>
 * It wins over the jar's class because application classes come first on the class path
 * (Spring Boot's {@code BOOT-INF/classes}, Maven's {@code target/classes});
 * {@code PahoPatchTests} checks that it does. Delete this file once Paho ships the fix.
 */
public class CountingInputStream extends InputStream {

	private final InputStream inputStream;

	private int counter;

	public CountingInputStream(InputStream inputStream) {
		this.inputStream = inputStream;
	}

	@Override
	public int read() throws IOException {
		int b = this.inputStream.read();
		if (b != -1) {
			this.counter++;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = this.inputStream.read(buffer, offset, length);
		if (n > 0) {
			this.counter += n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = this.inputStream.skip(n);
		this.counter += (int) skipped;
		return skipped;
	}

	@Override
	public int available() throws IOException {
		return this.inputStream.available();
	}

	public int getCounter() {
		return this.counter;
	}

	public void resetCounter() {
		this.counter = 0;
	}

}
