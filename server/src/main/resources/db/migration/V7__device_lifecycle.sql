-- Screens that register themselves wait here until an administrator authorises them. The secret of
-- an authorised registration waits for the screen to collect it once, then is erased.
create table device_registration (
    id                varchar(64)  primary key,
    poll_token_sha256 varchar(64)  not null,
    school_id         varchar(64)  not null references school (id),
    proposed_name     varchar(200) not null,
    profile           varchar(16)  not null,
    status            varchar(16)  not null,
    device_id         varchar(64),
    pending_secret    varchar(100),
    created_at        timestamp with time zone not null,
    decided_at        timestamp with time zone,
    decided_by        varchar(64)
);
create index device_registration_school on device_registration (school_id);
