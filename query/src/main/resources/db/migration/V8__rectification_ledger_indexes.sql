-- 督察整改 ledger at volume (tens of thousands of cases per city). Each filter the ledger offers gets an index
-- that starts with the city, then the filter, then the ledger's order (deadline, id): a page, by offset or after
-- a keyset cursor "(deadline, id) > (?, ?)", is then read in index order and stops after `limit` rows instead of
-- sorting all of the city's matching cases. rectification_case_city_deadline (V6) serves the unfiltered ledger.
drop index if exists rectification_case_city_status;
drop index if exists rectification_case_city_unit;
drop index if exists rectification_case_city_source;
create index rectification_case_city_status on rectification_case (city_id, status, deadline, id);
create index rectification_case_city_unit on rectification_case (city_id, responsible_unit_id, deadline, id);
create index rectification_case_city_source on rectification_case (city_id, source, deadline, id);
-- rounds and batches name inspections only, so they do not need the source in front of them
create index rectification_case_city_round on rectification_case (city_id, round, batch, deadline, id);
create index rectification_case_city_class on rectification_case (city_id, problem_class, deadline, id);
-- 只看超期 and the statistics' overdue counts read open cases only, a small share once most cases are closed
create index rectification_case_city_open on rectification_case (city_id, deadline, id)
    where status in ('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ACCEPTANCE_REQUESTED');

-- Free-text search ("%text%" in description, location and numbers) cannot use a b-tree; a trigram index on the
-- same expression RectificationProjection.SEARCH_TEXT searches can. pg_trgm ships with PostgreSQL's contrib
-- (and with the embedded binaries) but a server may lack it or deny creating extensions: then the search still
-- works, only without this index, and the migration must not fail.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        begin
            create extension if not exists pg_trgm;
        exception when insufficient_privilege then
            raise notice 'pg_trgm is not installed (no privilege): the case search runs without its index';
        end;
    end if;
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute $index$
            create index rectification_case_search on rectification_case using gin (
                (description || E'\n' || location || E'\n' || coalesce(problem_number, '')
                    || E'\n' || coalesce(complaint_number, '')) gin_trgm_ops)$index$;
    else
        raise notice 'pg_trgm is not available: the case search runs without its index';
    end if;
end
$$;
