-- Proof of play: rollups that reports read instead of raw events, the windows each screen's
-- manifests scheduled a posting in (to find gaps), and the hours each screen was heard from.

-- posting x screen x hour (UTC): showings that began in the hour. Updated in the transaction
-- that stores the events, from the newly stored events only, so duplicates never count twice.
create table play_hourly (
    posting_id   varchar(64) not null,
    device_id    varchar(64) not null,
    hour_start   timestamp with time zone not null,
    plays        bigint not null,
    duration_ms  bigint not null,
    first_at     timestamp with time zone not null,
    last_at      timestamp with time zone not null,
    primary key (posting_id, device_id, hour_start)
);
create index play_hourly_device on play_hourly (device_id, hour_start);

-- the same per UTC day; kept after the raw events and hourly rows are purged
create table play_daily (
    posting_id   varchar(64) not null,
    device_id    varchar(64) not null,
    day_start    timestamp with time zone not null,
    plays        bigint not null,
    duration_ms  bigint not null,
    first_at     timestamp with time zone not null,
    last_at      timestamp with time zone not null,
    primary key (posting_id, device_id, day_start)
);
create index play_daily_device on play_daily (device_id, day_start);

-- a window in which a published manifest told a screen to show a posting; first_version is
-- the manifest version that first carried it
create table scheduled_window (
    device_id      varchar(64) not null,
    posting_id     varchar(64) not null,
    starts_at      timestamp with time zone not null,
    ends_at        timestamp with time zone not null,
    first_version  bigint not null,
    primary key (device_id, posting_id, starts_at)
);
create index scheduled_window_posting on scheduled_window (posting_id, starts_at);
create index scheduled_window_start on scheduled_window (starts_at);

-- the UTC hours in which a screen sent a heartbeat or came online
create table device_presence (
    device_id   varchar(64) not null,
    hour_start  timestamp with time zone not null,
    primary key (device_id, hour_start)
);

create index device_event_occurred on device_event (occurred_at);
