package io.sunboard.server.schedule;

/**
 * Published after a schedule entry was created, replaced or removed.
 *
 * @param regionId set when the entry targets (or targeted) a whole region, so every
 * school of the region is recomputed; null when only the posting's school is affected
 */
public record ScheduleChanged(String postingId, String schoolId, String regionId) {

}
