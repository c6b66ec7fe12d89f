-- 截止汇总: one row per city and period the bureau has closed (or closed and reopened); owned by PeriodClosureProjection.
create table period_closure (
    id          varchar(80) primary key,
    city_id     varchar(40) not null,
    period      varchar(10) not null,
    closed      boolean     not null,
    closed_at   timestamptz,
    closed_by   varchar(100),
    note        varchar(500),
    missing     jsonb       not null default '[]',
    version     bigint      not null
);
create unique index period_closure_city_period on period_closure (city_id, period);
