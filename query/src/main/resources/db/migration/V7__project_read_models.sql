-- Read models of the major-projects feature (重大工程, 专栏2–9), rebuilt from events on replay. Status is not
-- stored: it depends on today's date and is derived when read.

-- projects: one row per project with its plan and its official (approved) figures.
create table project_view (
    id                   varchar(100) not null primary key,
    city_id              varchar(40)  not null,
    approval_unit_id     varchar(40),
    name                 varchar(200) not null,
    plan_column          integer      not null,
    plan_group           varchar(60),
    lead_unit_id         varchar(40)  not null,
    cooperating_unit_ids jsonb        not null,
    planned_start        date,
    planned_finish       date,
    planned_investment   numeric,
    progress             numeric      not null,
    investment_completed numeric      not null,
    last_approved_period varchar(10),
    pending_update_id    varchar(10),
    cancelled            boolean      not null,
    cancel_reason        text,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);
create index project_view_city on project_view (city_id, plan_column);

-- projects: the units of a project (LEAD or COOPERATING), for "the projects a unit sees".
create table project_unit (
    project_id  varchar(100) not null,
    org_unit_id varchar(40)  not null,
    role        varchar(12)  not null check (role in ('LEAD', 'COOPERATING')),
    primary key (project_id, org_unit_id)
);
create index project_unit_unit on project_unit (org_unit_id);

-- projects: milestones in plan order; reached_on and evidence from the approved report that reached them.
create table project_milestone (
    project_id   varchar(100) not null,
    milestone_id varchar(40)  not null,
    position     integer      not null,
    name         varchar(100) not null,
    planned_date date         not null,
    reached_on   date,
    evidence     text,
    primary key (project_id, milestone_id)
);

-- projects: every submission of a report (update_id is the period; a resubmission is the next revision).
create table project_update (
    project_id       varchar(100) not null,
    update_id        varchar(10)  not null,
    revision         integer      not null,
    status           varchar(10)  not null check (status in ('SUBMITTED', 'APPROVED', 'RETURNED')),
    content          jsonb        not null,
    submitted_at     timestamptz  not null,
    submitted_by     varchar(100),
    decided_at       timestamptz,
    decided_by       varchar(100),
    decision_comment text,
    primary key (project_id, update_id, revision)
);
