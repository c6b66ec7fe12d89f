-- Evidence files of reports. The bytes are kept here; the event that attaches a file carries its SHA-256,
-- so the audit trail can prove which file was attached.
create table evidence_file (
    id            uuid         not null primary key,
    submission_id varchar(120) not null,
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    uploaded_by   varchar(40)  not null,
    uploaded_at   timestamptz  not null
);
create index evidence_file_submission on evidence_file (submission_id);
