-- The web widget's limits (per publishable key a minute, per browser address an hour) counted in
-- the database, as the rate-limit policies are: every server counts into the same row, under its lock.
create table widget_counter (
    subject      varchar(120)             not null,
    window_start timestamp with time zone not null,
    window_end   timestamp with time zone not null,
    hits         integer                  not null,
    primary key (subject, window_start)
);
create index widget_counter_end on widget_counter (window_end);
