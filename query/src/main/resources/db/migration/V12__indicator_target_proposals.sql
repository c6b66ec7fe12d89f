-- indicator-target-history: every proposed target change of an indicator (four eyes: proposed by one approver,
-- confirmed, rejected or withdrawn) with its source document; the confirmed ones are the indicator's target history.
-- old_targets/new_targets are lists of Target as JSON; who and when come from the events' metadata.
create table target_proposal (
    indicator_id     varchar(100) not null,
    proposal_id      varchar(60)  not null,
    city_id          varchar(40)  not null,
    kind             varchar(20)  not null,
    status           varchar(10)  not null,
    year             integer,
    value            numeric,
    old_targets      jsonb        not null,
    new_targets      jsonb        not null,
    reason           varchar(500) not null,
    document_number  varchar(60)  not null,
    document_title   varchar(200) not null,
    proposed_by      varchar(100),
    proposed_by_name varchar(100),
    proposed_at      timestamptz  not null,
    decided_by       varchar(100),
    decided_by_name  varchar(100),
    decided_at       timestamptz,
    decision_reason  varchar(500),
    primary key (indicator_id, proposal_id)
);
create index target_proposal_indicator on target_proposal (indicator_id, proposed_at desc);
create index target_proposal_open on target_proposal (city_id, proposed_at) where status = 'OPEN';
