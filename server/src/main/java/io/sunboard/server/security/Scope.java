package io.sunboard.server.security;

/**
 * Where an account acts: everywhere, one region (district) with its schools, or one
 * school.
 *
 * @param id region or school id; null for {@link Type#ALL}
 */
public record Scope(Type type, String id) {

	public static final Scope ALL = new Scope(Type.ALL, null);

	public Scope {
		if ((type == Type.ALL) != (id == null)) {
			throw new IllegalArgumentException("a " + type + " scope " + ((id == null) ? "needs" : "takes no") + " id");
		}
	}

	public static Scope region(String regionId) {
		return new Scope(Type.REGION, regionId);
	}

	public static Scope school(String schoolId) {
		return new Scope(Type.SCHOOL, schoolId);
	}

	/** Whether a school of that region is inside this scope. */
	public boolean covers(String schoolId, String regionId) {
		return switch (this.type) {
			case ALL -> true;
			case REGION -> this.id.equals(regionId);
			case SCHOOL -> this.id.equals(schoolId);
		};
	}

	public enum Type {

		ALL, REGION, SCHOOL

	}

}
