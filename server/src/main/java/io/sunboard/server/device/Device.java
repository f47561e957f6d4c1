package io.sunboard.server.device;

/** A screen registered at a school; {@code profile} is landscape, portrait or kiosk. */
public record Device(String id, String schoolId, String name, String profile, boolean active) {

}
