package io.sunboard.server.broker;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's own {@code CountingInputStream} replaces Paho's (see its Javadoc): it must
 * be the one loaded, read in bulk, count right, and leave PUBLISH decoding unchanged.
 */
class PahoPatchTests {

	@Test
	void theServersClassIsTheOneLoaded() {
		String source = CountingInputStream.class.getProtectionDomain().getCodeSource().getLocation().toString();

		assertThat(source).doesNotContain("paho");
	}

	@Test
	void readsInBulkAndCountsEveryByte() throws IOException {
		byte[] data = new byte[64 * 1024];
		Arrays.fill(data, (byte) 7);
		CountingInputStream counting = new CountingInputStream(new BulkOnly(data));

		new DataInputStream(counting).readFully(new byte[data.length - 10]);
		counting.read();
		assertThat(counting.skip(4)).isEqualTo(4);

		assertThat(counting.getCounter()).isEqualTo(data.length - 10 + 1 + 4);
		counting.resetCounter();
		assertThat(counting.getCounter()).isZero();
	}

	@Test
	void aLargePublishDecodesAsBefore() throws Exception {
		byte[] payload = new byte[200 * 1024];
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) (i * 31);
		}
		MqttMessage message = new MqttMessage(payload, 1, false, new MqttProperties());
		MqttPublish publish = new MqttPublish("sunboard/v1/device/lobby-1/events", message, new MqttProperties());
		publish.setMessageId(42);
		byte[] wire = concat(publish.getHeader(), publish.getPayload());

		MqttPublish decoded = (MqttPublish) MqttWireMessage.createWireMessage(wire);

		assertThat(decoded.getTopicName()).isEqualTo("sunboard/v1/device/lobby-1/events");
		assertThat(decoded.getMessageId()).isEqualTo(42);
		assertThat(decoded.getPayload()).isEqualTo(payload);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	/** Fails a byte-at-a-time read of more than a few bytes: Paho's own class would. */
	private static final class BulkOnly extends InputStream {

		private final ByteArrayInputStream data;

		private int singleReads;

		BulkOnly(byte[] data) {
			this.data = new ByteArrayInputStream(data);
		}

		@Override
		public int read() {
			if (++this.singleReads > 16) {
				throw new AssertionError("read byte by byte");
			}
			return this.data.read();
		}

		@Override
		public int read(byte[] b, int off, int len) {
			return this.data.read(b, off, len);
		}

		@Override
		public long skip(long n) {
			return this.data.skip(n);
		}

	}

}
