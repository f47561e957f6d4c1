-- Sunboard walking skeleton: where screens are, what they should show, and what they did show.
-- Portable SQL (H2 and PostgreSQL); instants are stored as TIMESTAMP WITH TIME ZONE in UTC.

create table region (
    id          varchar(64)  primary key,
    name        varchar(200) not null
);

create table school (
    id          varchar(64)  primary key,
    region_id   varchar(64)  not null references region (id),
    name        varchar(200) not null,
    time_zone   varchar(64)  not null
);

create table device (
    id            varchar(64)  primary key,
    school_id     varchar(64)  not null references school (id),
    name          varchar(200) not null,
    profile       varchar(16)  not null,
    -- SHA-256 of a 256-bit random secret: the secret is not a human password, so a fast hash
    -- is enough, and it keeps every content download and broker connect cheap to verify.
    secret_sha256 varchar(64)  not null,
    active        boolean      not null,
    created_at    timestamp with time zone not null
);
create index device_school on device (school_id);

create table device_state (
    device_id                 varchar(64) primary key references device (id),
    online                    boolean     not null,
    session_epoch             bigint      not null,
    status_at                 timestamp with time zone,
    heartbeat_at              timestamp with time zone,
    applied_manifest_version  bigint      not null,
    now_playing               varchar(64),
    journal_depth             integer     not null,
    disk_free_bytes           bigint      not null,
    client_version            varchar(64)
);

create table content_blob (
    sha256      varchar(64)  primary key,
    media_type  varchar(100) not null,
    bytes       blob         not null,
    created_at  timestamp with time zone not null
);

create table posting (
    id               varchar(64)  primary key,
    school_id        varchar(64)  not null references school (id),
    kind             varchar(64)  not null,
    title            varchar(500) not null,
    body             clob,
    publicity_start  timestamp with time zone not null,
    publicity_end    timestamp with time zone not null,
    status           varchar(16)  not null,
    content_sha256   varchar(64)  not null references content_blob (sha256),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create index posting_school on posting (school_id);

create table schedule_entry (
    id                varchar(64)  primary key,
    posting_id        varchar(64)  not null references posting (id),
    school_id         varchar(64)  not null references school (id),
    starts_at         timestamp with time zone not null,
    ends_at           timestamp with time zone not null,
    duration_seconds  integer      not null,
    priority          integer      not null,
    created_at        timestamp with time zone not null
);
create index schedule_entry_school on schedule_entry (school_id);
create index schedule_entry_posting on schedule_entry (posting_id);

create table device_manifest (
    device_id     varchar(64) primary key references device (id),
    version       bigint      not null,
    content_hash  varchar(64) not null,
    payload       clob        not null,
    published_at  timestamp with time zone not null
);

create table device_event (
    device_id         varchar(64) not null references device (id),
    event_id          varchar(64) not null,
    type              varchar(16) not null,
    occurred_at       timestamp with time zone not null,
    manifest_version  bigint,
    posting_id        varchar(64),
    duration_ms       bigint,
    received_at       timestamp with time zone not null,
    primary key (device_id, event_id)
);
create index device_event_posting on device_event (posting_id);
