-- Read models of the indicator-data feature (catalog, reports, values for the city rollup), rebuilt from events
-- on replay. Periods are stored as written (2025, 2025-Q1, 2025-03) and split into type, year and number
-- (0 for a year, the quarter or the month otherwise) so that "earlier period of the same type" is plain SQL.

-- indicator-catalog: the current definition of every indicator (IndicatorDefinition as JSON).
create table indicator_view (
    id          varchar(100) not null primary key,
    city_id     varchar(40)  not null,
    number      integer      not null,
    period_type varchar(10)  not null,
    definition  jsonb        not null,
    version     bigint       not null
);
create index indicator_view_city on indicator_view (city_id, number);

-- indicator-catalog: every unit that must report an indicator (its reporting units and its measuring unit).
create table indicator_unit (
    indicator_id varchar(100) not null,
    org_unit_id  varchar(40)  not null,
    city_id      varchar(40)  not null,
    period_type  varchar(10)  not null,
    primary key (indicator_id, org_unit_id)
);
create index indicator_unit_unit on indicator_unit (org_unit_id);
create index indicator_unit_city on indicator_unit (city_id, period_type);

-- submissions: one row per report. draft_values are the latest saved or submitted values, approved_values the
-- values in force (null before the first approval); both are lists of ReportedValue as JSON.
create table submission_view (
    id               varchar(100) not null primary key,
    org_unit_id      varchar(40)  not null,
    city_id          varchar(40)  not null,
    period           varchar(10)  not null,
    period_type      varchar(10)  not null,
    year             integer      not null,
    period_number    integer      not null,
    deadline         date         not null,
    approval_unit_id varchar(40),
    review_unit_id   varchar(40),
    status           varchar(20)  not null,
    revision         integer      not null,
    late             boolean      not null,
    created_at       timestamptz  not null,
    submitted_at     timestamptz,
    approved_at      timestamptz,
    updated_at       timestamptz  not null,
    draft_values     jsonb        not null,
    approved_values  jsonb,
    return_reason    text,
    value_comments   jsonb,
    evidence         jsonb        not null,
    version          bigint       not null
);
create index submission_view_city on submission_view (city_id, year, period_number);
create index submission_view_unit on submission_view (org_unit_id, period);

-- submissions: one row per event of a report; sequence is the event's sequence number in the report.
create table submission_history (
    submission_id varchar(100) not null,
    sequence      bigint       not null,
    type          varchar(30)  not null,
    revision      integer      not null,
    occurred_at   timestamptz  not null,
    user_id       varchar(100),
    user_name     varchar(100),
    comment       text,
    primary key (submission_id, sequence)
);

-- submissions: every reported value, APPROVED (in force) or PENDING (submitted, not yet decided).
create table submission_value (
    submission_id varchar(100) not null,
    indicator_id  varchar(100) not null,
    state         varchar(10)  not null check (state in ('APPROVED', 'PENDING')),
    org_unit_id   varchar(40)  not null,
    city_id       varchar(40)  not null,
    period        varchar(10)  not null,
    period_type   varchar(10)  not null,
    year          integer      not null,
    period_number integer      not null,
    revision      integer      not null,
    value         numeric,
    components    jsonb        not null,
    primary key (submission_id, indicator_id, state)
);
create index submission_value_city on submission_value (city_id, period_type, year, period_number);
create index submission_value_unit on submission_value (org_unit_id, period_type, state);
