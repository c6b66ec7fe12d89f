-- A password set by someone other than the account itself (the administrator's create or reset) is a one-time
-- password: the account must choose its own at its next sign-in. The projection derives it from the audit
-- metadata of the account's last UserRegistered / UserPasswordChanged; the rows already there get the same from
-- the stored events (so a rebuild changes nothing). The event store is absent where only the read side's
-- migrations run (the query module's projection tests).
alter table user_account_view add column password_change_required boolean not null default false;

do $$
begin
    if to_regclass('domainevententry') is not null then
        execute $q$
            update user_account_view account set password_change_required = true
            from (select distinct on (aggregateidentifier) aggregateidentifier as username,
                         convert_from(metadata, 'UTF8')::jsonb ->> 'userId' as set_by
                  from domainevententry
                  where type = 'UserAccount'
                    and payloadtype in ('cn.jiangcheng.tracker.api.user.UserEvents$UserRegistered',
                                        'cn.jiangcheng.tracker.api.user.UserEvents$UserPasswordChanged')
                  order by aggregateidentifier, sequencenumber desc) last_set
            where account.username = last_set.username
              and last_set.set_by is not null
              and last_set.set_by not in (last_set.username, 'system')
        $q$;
    end if;
end
$$;
