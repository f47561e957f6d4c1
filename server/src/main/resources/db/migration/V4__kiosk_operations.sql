-- Kiosk operations: commands to screens and their answers, screenshots, folded play counts.
-- Portable SQL (H2 and PostgreSQL).

-- played-summary events (a full kiosk journal folds played events into per-posting counts)
-- and command-result events are stored in device_event like the others.
alter table device_event add column play_count bigint;
alter table device_event add column last_at timestamp with time zone;
alter table device_event add column command_id varchar(64);
alter table device_event add column outcome varchar(16);
alter table device_event add column detail varchar(500);
create index device_event_command on device_event (device_id, command_id);

create table device_command (
    id          varchar(64)  primary key,
    device_id   varchar(64)  not null references device (id),
    name        varchar(32)  not null,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    issued_by   varchar(100) not null
);
create index device_command_device on device_command (device_id, issued_at);

-- The latest screenshots a screen uploaded in answer to a screenshot command.
create table device_screenshot (
    command_id  varchar(64)  primary key references device_command (id),
    device_id   varchar(64)  not null references device (id),
    png         blob         not null,
    taken_at    timestamp with time zone not null
);
create index device_screenshot_device on device_screenshot (device_id, taken_at);

-- The rest of the heartbeat's health figures.
alter table device_state add column uptime_seconds bigint;
alter table device_state add column cache_bytes bigint;
alter table device_state add column heap_used_bytes bigint;
alter table device_state add column clock_offset_ms bigint;

-- Touch kiosks: interaction (posting opened, duration_ms) and rating (helpful) events are
-- stored in device_event; feedback, which may hold a visitor's phone number, only here.
alter table device_event add column helpful boolean;

create table kiosk_feedback (
    device_id    varchar(64)  not null references device (id),
    event_id     varchar(64)  not null,
    category     varchar(16)  not null,
    text         varchar(500) not null,
    contact      varchar(20),
    posting_id   varchar(64),
    submitted_at timestamp with time zone not null,
    received_at  timestamp with time zone not null,
    primary key (device_id, event_id)
);
create index kiosk_feedback_received on kiosk_feedback (received_at);
