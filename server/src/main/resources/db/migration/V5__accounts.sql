-- Console and API accounts. Each account has one role and one scope: everything (the system
-- administrator created on first start), one region (district staff) or one school (school staff).
create table account (
    id               varchar(64)  primary key,
    username         varchar(64)  not null unique,
    display_name     varchar(100) not null,
    password_hash    varchar(200) not null,
    role             varchar(32)  not null,
    scope_type       varchar(16)  not null,
    scope_id         varchar(64),
    enabled          boolean      not null,
    failed_logins    integer      not null,
    locked_until     timestamp with time zone,
    created_at       timestamp with time zone not null,
    password_changed_at timestamp with time zone not null
);
