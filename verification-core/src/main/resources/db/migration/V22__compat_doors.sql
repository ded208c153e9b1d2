-- The compatibility doors (Twilio, Vonage, Sinch): every tenant gets a stable account SID,
-- the vendors' SDKs' user name; a verification records the door it came through and what that
-- door asked to show (the name in the texts, the OTP length).
-- (a default, so every existing tenant gets one of its own, and rows written by scripts too)
alter table tenant add column account_sid varchar(34)
    default ('AC' || replace(cast(gen_random_uuid() as varchar), '-', '')) not null;
create unique index tenant_account_sid on tenant (account_sid);

alter table verification add column door varchar(16) default 'api' not null;
alter table verification add column brand varchar(64);
alter table verification add column otp_length integer check (otp_length between 4 and 10);
