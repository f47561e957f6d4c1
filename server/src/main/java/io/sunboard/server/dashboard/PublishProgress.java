package io.sunboard.server.dashboard;

/**
 * How far a posting has spread: of the screens whose latest manifest holds it, how many
 * have applied a manifest that holds it (and so are showing it).
 */
public record PublishProgress(String postingId, String title, long showing, long targeted) {

}
