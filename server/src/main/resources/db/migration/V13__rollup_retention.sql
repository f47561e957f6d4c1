-- The retention purge deletes hourly rollups by hour, year by year, sparing the UTC days
-- around each New Year (the annual report reads them): a range on this index, not a scan.
create index play_hourly_hour on play_hourly (hour_start);
