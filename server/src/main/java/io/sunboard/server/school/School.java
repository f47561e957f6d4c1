package io.sunboard.server.school;

import java.time.ZoneId;

/** A school; its screens show times in its own zone. */
public record School(String id, String regionId, String name, ZoneId timeZone) {

}
