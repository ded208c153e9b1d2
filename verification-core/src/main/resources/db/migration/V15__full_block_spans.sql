-- Uniform missed-call codes: a number may serve an N-digit code only when its whole block of
-- 10^N numbers (all sharing its prefix) is in the enabled pools of its country. A span is a
-- stretch of consecutive numbers of a country's enabled pools cut at both ends to whole
-- blocks of 10 000 (the shortest code length), so a draw reads a few spans, never the
-- numbers. The application rewrites a country's spans whenever its pools change; this
-- fills them once from the pools there are.
create table full_block_span (
    first_number bigint     primary key,
    last_number  bigint     not null,
    country      varchar(2) not null,
    check (last_number >= first_number)
);
create index full_block_span_country on full_block_span (country, first_number);

insert into full_block_span (first_number, last_number, country)
select (min(first_number) + 9999) / 10000 * 10000, (max(last_number) + 1) / 10000 * 10000 - 1, country
from (
    select country, first_number, last_number,
           sum(case when first_number = previous_last + 1 then 0 else 1 end)
               over (partition by country order by first_number rows unbounded preceding) as run
    from (
        select p.country, r.first_number, r.last_number,
               lag(r.last_number) over (partition by p.country order by r.first_number) as previous_last
        from pool_range r join number_pool p on p.id = r.pool_id
        where p.enabled = true
    ) ranges
) runs
group by country, run
having (min(first_number) + 9999) / 10000 * 10000 <= (max(last_number) + 1) / 10000 * 10000 - 1;
