-- Read models of the org and user features, rebuilt from events on replay.

create table org_unit_view (
    id        varchar(40)  not null primary key,
    name      varchar(100) not null,
    type      varchar(20)  not null,
    parent_id varchar(40),
    city_id   varchar(40),
    active    boolean      not null,
    version   bigint       not null
);
create index org_unit_view_city on org_unit_view (city_id);

create table user_account_view (
    username      varchar(40)  not null primary key,
    display_name  varchar(60)  not null,
    password_hash varchar(200) not null,
    roles         varchar(200) not null,
    org_unit_id   varchar(40)  not null,
    city_id       varchar(40)  not null,
    enabled       boolean      not null,
    version       bigint       not null
);
create index user_account_view_city on user_account_view (city_id);

-- Failed log-ins are security bookkeeping, not business facts: kept in a plain table shared by all nodes.
create table login_lockout (
    username         varchar(100) not null primary key,
    failed_attempts  integer      not null,
    first_failure_at timestamptz  not null,
    locked_until     timestamptz
);
