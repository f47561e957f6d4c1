package io.sunboard.server.system;

/**
 * Who is acting right now: the signed-in account's username, or {@code system} for
 * scheduled work.
 */
public interface Actor {

	String SYSTEM = "system";

	String name();

}
