package io.sunboard.testsupport.sim;

/** Who a simulated screen is: its credentials and the school and region it belongs to. */
public record ScreenIdentity(String deviceId, String secret, String schoolId, String regionId) {

}
