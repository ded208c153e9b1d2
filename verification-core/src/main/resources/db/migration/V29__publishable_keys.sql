-- Publishable keys (rp_pub_live_…, rp_pub_test_…): the web widget's key, seen by every visitor of
-- the tenant's page, so it is no secret. It may only start and check the verifications it started
-- itself, and only from a browser on one of its allowed origins (space-separated, scheme://host[:port]).
alter table api_key add column kind varchar(12) default 'secret' not null;
alter table api_key add constraint api_key_kind check (kind in ('secret', 'publishable'));
alter table api_key add column allowed_origins varchar(2048);

-- which publishable key started a verification (null: a secret key or a door): that key reads and checks only these
alter table verification add column publishable_key_id varchar(48);
