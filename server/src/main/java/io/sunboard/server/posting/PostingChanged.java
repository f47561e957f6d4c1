package io.sunboard.server.posting;

/** Published after a posting of a school changed in a way screens may need to see. */
public record PostingChanged(String postingId, String schoolId) {

}
