-- 督察整改 ledger: read model of the rectification case events (rebuilt by replaying them).
create table rectification_case (
    id                   varchar(60)   not null primary key,
    city_id              varchar(40)   not null,
    source               varchar(30)   not null,
    round                varchar(40),
    batch                varchar(40),
    problem_number       varchar(40),
    complaint_number     varchar(30),
    channel              varchar(20),
    problem_class        varchar(20)   not null,
    description          varchar(2000) not null,
    location             varchar(200)  not null,
    requirements         varchar(2000) not null,
    responsible_unit_id  varchar(40)   not null,
    -- text[] so that "cases a unit cooperates on" is an indexed containment query
    cooperating_unit_ids varchar(40)[] not null default '{}',
    deadline             date          not null,
    original_deadline    date          not null,
    status               varchar(30)   not null,
    outcome              varchar(20),
    measures             varchar(2000),
    milestones           jsonb         not null default '[]'::jsonb,
    responsible_person   varchar(60),
    latest_progress      varchar(1000),
    progress_percent     integer,
    self_check           varchar(2000),
    site_check           varchar(1000),
    publicity_days       integer,
    closable_from        date,
    accepted_on          date,
    accepted_on_time     boolean,
    closed_at            timestamptz,
    closed_on            date,
    escalated            boolean       not null default false,
    reopen_count         integer       not null default 0,
    evidence             jsonb         not null default '[]'::jsonb,
    registered_at        timestamptz   not null,
    registered_on        date          not null,
    updated_at           timestamptz   not null,
    version              bigint        not null
);
-- the ledger is always read per city, usually narrowed by one of these and ordered by deadline
create index rectification_case_city_deadline on rectification_case (city_id, deadline, id);
create index rectification_case_city_status on rectification_case (city_id, status, deadline);
create index rectification_case_city_unit on rectification_case (city_id, responsible_unit_id, deadline);
create index rectification_case_city_source on rectification_case (city_id, source, round, batch);
create index rectification_case_cooperating on rectification_case using gin (cooperating_unit_ids);

create table rectification_history (
    case_id     varchar(60)  not null,
    sequence    bigint       not null,
    type        varchar(40)  not null,
    occurred_at timestamptz  not null,
    user_id     varchar(40),
    user_name   varchar(60),
    comment     varchar(2000),
    primary key (case_id, sequence)
);

create table rectification_extension (
    case_id          varchar(60)  not null,
    request_id       varchar(60)  not null,
    reason           varchar(500) not null,
    current_deadline date         not null,
    new_deadline     date         not null,
    status           varchar(20)  not null,
    decision_comment varchar(500),
    requested_at     timestamptz  not null,
    decided_at       timestamptz,
    primary key (case_id, request_id)
);
