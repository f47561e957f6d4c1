package io.sunboard.server.school;

/** A region (district): its schools' screens can be alerted at once. */
public record Region(String id, String name) {

}
