-- Tamper evidence and the auditor's index over the event store, written in the same transaction as the events.
-- link_seq orders the chain (commit order under an advisory lock); global_index points at the event row.
create table event_chain (
    link_seq         bigint       not null primary key,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null unique,
    prev_hash        bytea        not null,
    hash             bytea        not null,
    -- the auditor's search columns, copied from the event's metadata and payload when it was appended
    city_id          varchar(64),
    actor_unit_id    varchar(64),
    subject_unit_id  varchar(64),
    user_id          varchar(128),
    aggregate_type   varchar(128),
    aggregate_id     varchar(255) not null,
    event_type       varchar(128) not null,
    correlation_id   varchar(128),
    event_time       timestamptz  not null
);

create index event_chain_city_idx on event_chain (city_id, global_index);
create index event_chain_city_time_idx on event_chain (city_id, event_time, global_index);
create index event_chain_user_idx on event_chain (city_id, user_id, global_index);
create index event_chain_aggregate_idx on event_chain (aggregate_id, global_index);
create index event_chain_type_idx on event_chain (city_id, event_type, global_index);
create index event_chain_correlation_idx on event_chain (correlation_id);
create index event_chain_actor_unit_idx on event_chain (city_id, actor_unit_id, global_index);
create index event_chain_subject_unit_idx on event_chain (city_id, subject_unit_id, global_index);
