-- A password set by someone other than the account itself (the administrator's create or reset) is a one-time
-- password: the account must choose its own at its next sign-in. Derived from the events' audit metadata; rows
-- written before this column existed keep false until the projection is rebuilt from the events.
alter table user_account_view add column password_change_required boolean not null default false;
