-- Attachments of postings. The bytes live in content_blob under their SHA-256 and the posting's
-- content document lists them for screens; this table finds the postings a file belongs to,
-- so the public page serves a file only while a posting holding it is public.
create table posting_attachment (
    posting_id  varchar(64)  not null references posting (id),
    sha256      varchar(64)  not null references content_blob (sha256),
    name        varchar(200) not null,
    media_type  varchar(100) not null,
    size_bytes  bigint       not null,
    added_at    timestamp with time zone not null,
    primary key (posting_id, sha256)
);
create index posting_attachment_sha256 on posting_attachment (sha256);
