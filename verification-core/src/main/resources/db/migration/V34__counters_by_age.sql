-- The retention job deletes a prefix's minutes of traffic, and the caller numbers' days of calls,
-- once nothing reads them any more (docs/configuration.md, retention): it finds them by age.
create index prefix_traffic_bucket on prefix_traffic (bucket_start);
create index cli_day_on_day on cli_day (on_day);
