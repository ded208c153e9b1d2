-- The retention job deletes the caller numbers' days of calls once nothing reads them any more
-- (docs/configuration.md, retention): it finds them by age. (A prefix's minutes it finds prefix by
-- prefix through their primary key: see RetentionBatches.NEXT_PREFIX.)
create index cli_day_on_day on cli_day (on_day);
