-- Every stored event updates each index of device_event, and ingest is the busiest write
-- path. Nothing reads the event log by posting any more: proof of play, the annual report
-- and the public evaluation read the rollups (play_hourly, play_daily, rating_hourly).
-- The index on (device_id, command_id) stays for command results, occurred_at for the
-- retention purge, the primary key for deduplication. See docs/scaling.md.
drop index device_event_posting;
