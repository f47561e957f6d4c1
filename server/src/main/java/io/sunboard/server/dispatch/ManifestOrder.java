package io.sunboard.server.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes each screen's manifests in version order, so the broker's retained copy is
 * the newest one. The school row lock orders two dispatches' commits, not their
 * publishes: the second dispatch of a school commits as soon as the first has committed
 * and may publish its newer manifest while the first is still publishing, which left the
 * older one retained until the next change (a screen ignores a lower version, but one
 * that connects afresh got the older manifest). A publish is therefore dropped when a
 * newer version has gone out for the screen, and a screen's publishes never overlap. The
 * same version again is published: that is how every stored manifest is republished after
 * the broker lost its retained messages.
 *
 * <p>
 * Within one server instance. Two instances publishing the same school keep the order
 * only as far as their commits are apart (docs/scaling.md).
 */
final class ManifestOrder {

	private static final int STRIPES = 256;

	private final Object[] stripes = new Object[STRIPES];

	/**
	 * device id → newest version published. A screen's versions only grow and its stored
	 * manifest is never deleted; a database put back to an older backup means a restart.
	 */
	private final Map<String, Long> newest = new ConcurrentHashMap<>();

	ManifestOrder() {
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Object();
		}
	}

	/**
	 * Runs {@code publish} unless a newer version of the screen's manifest went out
	 * already; returns whether it ran.
	 */
	boolean publish(String deviceId, long version, Runnable publish) {
		synchronized (this.stripes[Math.floorMod(deviceId.hashCode(), STRIPES)]) {
			Long published = this.newest.get(deviceId);
			if (published != null && published > version) {
				return false;
			}
			publish.run();
			this.newest.put(deviceId, version);
			return true;
		}
	}

}
