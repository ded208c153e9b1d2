-- How far the retention steps that change verifications in place (masking a number, clearing the
-- codes) have got, in the order the verifications ended: each run walks on from its mark instead of
-- over every row that earlier runs changed already (RetentionBatches).
create table retention_mark (
    step       varchar(32) primary key,
    done_until timestamp with time zone not null
);
insert into retention_mark (step, done_until) values ('phone_numbers', timestamp with time zone '1970-01-01 00:00:00+00');
insert into retention_mark (step, done_until) values ('codes', timestamp with time zone '1970-01-01 00:00:00+00');
