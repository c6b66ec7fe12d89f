-- not-applicable: 不涉及, one row per indicator and reporting unit that ever had one (IndicatorApplicability),
-- rebuilt from its events on replay. Only CONFIRMED rows take a unit off an indicator: the submission rules, the
-- reporting status and the city rollup read them. reason is the unit's declaration (or the bureau's own reason
-- when it set the row directly); decision_comment the comment of the latest confirmation, rejection or revocation.
create table indicator_not_applicable (
    id               varchar(200) not null primary key,
    indicator_id     varchar(100) not null,
    org_unit_id      varchar(40)  not null,
    city_id          varchar(40)  not null,
    status           varchar(20)  not null check (status in ('DECLARED', 'CONFIRMED', 'REJECTED', 'REVOKED')),
    reason           text         not null,
    declared_by      varchar(100),
    declared_by_name varchar(100),
    declared_at      timestamptz  not null,
    decision_comment text,
    decided_by       varchar(100),
    decided_by_name  varchar(100),
    decided_at       timestamptz,
    version          bigint       not null
);
create index indicator_not_applicable_city on indicator_not_applicable (city_id, status);
create index indicator_not_applicable_unit on indicator_not_applicable (org_unit_id, status);
