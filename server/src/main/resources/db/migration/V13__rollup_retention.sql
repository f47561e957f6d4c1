-- The retention purge deletes hourly rollups by hour, year by year, sparing the UTC days
-- around each New Year (the annual report reads them): a range on this index, not a scan.
create index play_hourly_hour on play_hourly (hour_start);

-- posting x screen x UTC hour: the kiosks' "was this helpful?" ratings, added in the
-- transaction that stores them (like play_hourly). Sparse (a few per kiosk a day), so never
-- purged: the public evaluation of a year reads this, not the raw events the purge deletes.
create table rating_hourly (
    posting_id   varchar(64) not null,
    device_id    varchar(64) not null,
    hour_start   timestamp with time zone not null,
    helpful      bigint not null,
    ratings      bigint not null,
    primary key (posting_id, device_id, hour_start)
);
create index rating_hourly_device on rating_hourly (device_id, hour_start);

-- the ratings stored before this table existed (hours truncated in the session's zone: the
-- same UTC hours for every zone with a whole-hour offset)
insert into rating_hourly (posting_id, device_id, hour_start, helpful, ratings)
select posting_id, device_id, date_trunc('hour', occurred_at),
       sum(case when helpful = true then 1 else 0 end), count(*)
from device_event
where type = 'RATING' and helpful is not null and posting_id is not null
group by posting_id, device_id, date_trunc('hour', occurred_at);
