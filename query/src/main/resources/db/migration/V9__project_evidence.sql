-- Evidence files of major projects (重大工程). The bytes stay in evidence_file (keyed by the project id); this read
-- model lists what the project's ProjectEvidenceAttached events attached, so a download is served only for a file
-- the event log says belongs to the project.
create table project_evidence (
    project_id   varchar(100) not null,
    file_id      varchar(40)  not null,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    attached_at  timestamptz  not null,
    attached_by  varchar(100),
    primary key (project_id, file_id)
);

-- the files an approved report named as the proof of a milestone
alter table project_milestone add column evidence_file_ids jsonb;
