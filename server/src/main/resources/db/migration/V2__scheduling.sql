-- Scheduling: targets (screen, tag group, school, region), dayparts, weekdays, RFC 5545 rules
-- with exception dates, play order; and device tags for group targets.

alter table schedule_entry add column target_type varchar(16) default 'SCHOOL' not null;
alter table schedule_entry add column target_id varchar(64);
alter table schedule_entry add column region_id varchar(64);
alter table schedule_entry add column daily_start time;
alter table schedule_entry add column daily_end time;
-- comma-separated java.time.DayOfWeek names; empty for every day
alter table schedule_entry add column weekdays varchar(64) default '' not null;
alter table schedule_entry add column rrule varchar(500);
-- comma-separated ISO dates (local to the school)
alter table schedule_entry add column except_dates varchar(2400) default '' not null;
alter table schedule_entry add column sort_order integer default 0 not null;
update schedule_entry set target_id = school_id where target_id is null;
create index schedule_entry_region on schedule_entry (region_id);

create table device_tag (
    device_id  varchar(64) not null references device (id),
    tag        varchar(64) not null,
    primary key (device_id, tag)
);

-- Emergency alerts in force, so they can be published again when the broker may have lost
-- its retained messages (the embedded broker keeps them in memory only).
create table active_alert (
    scope      varchar(16)   not null,
    target_id  varchar(64)   not null,
    payload    varchar(8000) not null,
    issued_at  timestamp with time zone not null,
    primary key (scope, target_id)
);
