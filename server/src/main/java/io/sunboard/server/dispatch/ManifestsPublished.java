package io.sunboard.server.dispatch;

import java.util.List;

/**
 * Published (synchronously, in the dispatching thread and transaction) once per school
 * dispatch with every screen that got a new manifest version, so listeners can write in
 * batches.
 */
public record ManifestsPublished(List<ManifestPublished> manifests) {

	public ManifestsPublished {
		manifests = List.copyOf(manifests);
	}

}
