-- Feedback inbox, disclosure catalogue overrides, and the date a posting's information was formed.
-- Portable SQL (H2 and PostgreSQL).

-- 政府信息公开条例: proactive disclosure within 20 working days of the information being formed or
-- changed; null where staff did not record it (the timeliness check then has nothing to measure).
alter table posting add column information_formed_on date;

-- Every piece of feedback the school must answer: from kiosks (copied from kiosk_feedback, keyed by
-- the device's event) or entered by staff for phone and in-person cases.
create table feedback_item (
    id             varchar(64)   primary key,
    school_id      varchar(64)   not null references school (id),
    kind           varchar(16)   not null,
    channel        varchar(16)   not null,
    device_id      varchar(64),
    event_id       varchar(64),
    posting_id     varchar(64),
    text           varchar(2000) not null,
    contact        varchar(40),
    received_at    timestamp with time zone not null,
    due_on         date          not null,
    assignee       varchar(64),
    reply          varchar(2000),
    replied_at     timestamp with time zone,
    replied_by     varchar(64),
    publish_reply  boolean       not null,
    created_at     timestamp with time zone not null,
    created_by     varchar(64)   not null,
    constraint feedback_item_event unique (device_id, event_id)
);
create index feedback_item_school on feedback_item (school_id, received_at);

-- A school's own disclosure catalogue where it differs from the default file; JSON as accepted by
-- PUT /api/v1/compliance/catalogue/{schoolId}.
create table disclosure_catalogue_override (
    school_id   varchar(64)   primary key references school (id),
    catalogue   clob          not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)   not null
);
