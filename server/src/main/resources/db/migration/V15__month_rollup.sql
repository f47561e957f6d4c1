-- posting x screen x UTC month, written with the hourly and daily rollups in the
-- transaction that stores the events: a year's report adds twelve rows a posting and screen
-- instead of 365 (V16 fills it from play_daily). Never purged, like play_daily.
create table play_monthly (
    posting_id   varchar(64) not null,
    device_id    varchar(64) not null,
    month_start  timestamp with time zone not null,
    plays        bigint not null,
    duration_ms  bigint not null,
    first_at     timestamp with time zone not null,
    last_at      timestamp with time zone not null,
    primary key (posting_id, device_id, month_start)
);

-- The (device, bucket) indexes of the play and rating rollups carry every column a report reads, so a school's or a
-- region's range is answered from the index alone: H2 otherwise looks up each row by its
-- row id, which made a region's month of daily rows take 2 s instead of 0.2 s.
create index play_monthly_device on play_monthly (device_id, month_start, posting_id, plays, duration_ms, first_at, last_at);
drop index play_daily_device;
create index play_daily_device on play_daily (device_id, day_start, posting_id, plays, duration_ms, first_at, last_at);
drop index play_hourly_device;
create index play_hourly_device on play_hourly (device_id, hour_start, posting_id, plays, duration_ms, first_at, last_at);
drop index rating_hourly_device;
create index rating_hourly_device on rating_hourly (device_id, hour_start, posting_id, helpful, ratings);

-- posting x screen: the earliest start and latest end of its scheduled windows, so a
-- report's gaps start from the pairs (a few per screen) and not from a year of daily
-- windows (1.8 M rows for a region of 1,000 screens). It grows when a window is recorded
-- or lengthened and is left as it was when one is shortened, deleted or purged, so it is a
-- superset: the report then reads the windows themselves of the pairs that showed nothing.
create table scheduled_span (
    device_id    varchar(64) not null,
    posting_id   varchar(64) not null,
    first_start  timestamp with time zone not null,
    last_end     timestamp with time zone not null,
    primary key (device_id, posting_id)
);

insert into scheduled_span (device_id, posting_id, first_start, last_end)
select device_id, posting_id, min(starts_at), max(ends_at) from scheduled_window group by device_id, posting_id;

-- The kiosks' ratings per UTC day and month beside rating_hourly (V13), written with it:
-- a region's year of ratings is 365,000 rated hours for 1,000 kiosks rated once a day,
-- which H2 took 0.8 s to add up. V16 fills both from rating_hourly.
create table rating_daily (
    posting_id   varchar(64) not null,
    device_id    varchar(64) not null,
    day_start    timestamp with time zone not null,
    helpful      bigint not null,
    ratings      bigint not null,
    primary key (posting_id, device_id, day_start)
);
create index rating_daily_device on rating_daily (device_id, day_start, posting_id, helpful, ratings);

create table rating_monthly (
    posting_id   varchar(64) not null,
    device_id    varchar(64) not null,
    month_start  timestamp with time zone not null,
    helpful      bigint not null,
    ratings      bigint not null,
    primary key (posting_id, device_id, month_start)
);
create index rating_monthly_device on rating_monthly (device_id, month_start, posting_id, helpful, ratings);
