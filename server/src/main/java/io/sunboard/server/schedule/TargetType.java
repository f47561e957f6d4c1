package io.sunboard.server.schedule;

/** Which screens a schedule entry puts its posting on. */
public enum TargetType {

	/** One screen, by device id. */
	SCREEN,
	/** The screens of the posting's school that carry a tag, such as {@code lobby}. */
	GROUP,
	/** Every screen of the posting's school. */
	SCHOOL,
	/** Every screen of every school in the posting's region. */
	REGION

}
