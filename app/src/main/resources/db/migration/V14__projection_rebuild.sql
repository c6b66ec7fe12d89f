-- The projections being rebuilt, so that every node refuses their reads until the replay reached the head
-- (ProjectionAdmin writes and clears the rows; heartbeat_at tells a rebuild whose node died from a running one).
create table projection_rebuild (
    processing_group varchar(100) primary key,
    progress_percent integer not null default 0,
    started_at timestamptz not null default now(),
    heartbeat_at timestamptz not null default now()
);
