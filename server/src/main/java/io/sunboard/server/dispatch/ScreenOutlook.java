package io.sunboard.server.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;

import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.MalformedMessageException;
import io.sunboard.protocol.Manifest;

/**
 * What a screen shows from now on, read from the manifest it was last sent: for the
 * now-and-next API and the console's timelines.
 */
@Service
public class ScreenOutlook {

	private final DeviceManifestRepository manifests;

	private final JsonCodec codec;

	private final Clock clock;

	ScreenOutlook(DeviceManifestRepository manifests, JsonCodec codec, Clock clock) {
		this.manifests = manifests;
		this.codec = codec;
		this.clock = clock;
	}

	/** From now until {@code ahead} from now; no access check (callers do it). */
	public NowAndNext nowAndNext(String deviceId, Duration ahead) {
		Manifest manifest = null;
		var stored = this.manifests.find(deviceId);
		if (stored.isPresent()) {
			try {
				manifest = this.codec.decode(stored.get().payload().getBytes(StandardCharsets.UTF_8), Manifest.class);
			}
			catch (MalformedMessageException ex) {
				throw new IllegalStateException("the stored manifest of screen " + deviceId + " is unreadable", ex);
			}
		}
		Instant now = this.clock.instant();
		return NowAndNext.of(deviceId, manifest, now, now.plus(ahead));
	}

}
