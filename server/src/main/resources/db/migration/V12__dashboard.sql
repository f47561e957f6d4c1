-- Live dashboard: which postings each screen's latest manifest holds, and since which of its
-- versions, so a publish's progress ("212 / 230 screens showing") is one indexed query instead of
-- parsing every stored manifest. Kept in step with device_manifest by the dashboard itself.
create table dashboard_manifest (
    device_id  varchar(64) primary key references device (id),
    version    bigint      not null
);

create table dashboard_manifest_posting (
    device_id      varchar(64) not null references device (id),
    posting_id     varchar(64) not null,
    -- the first version of the device's current unbroken run of manifests holding the posting:
    -- a screen that applied any version since then is showing it
    since_version  bigint      not null,
    since_at       timestamp with time zone not null,
    primary key (device_id, posting_id)
);
create index dashboard_manifest_posting_posting on dashboard_manifest_posting (posting_id);
