package io.sunboard.server.device;

/** Published after a screen's tags changed, so its school's manifests are recomputed. */
public record DeviceTagsChanged(String deviceId, String schoolId) {

}
