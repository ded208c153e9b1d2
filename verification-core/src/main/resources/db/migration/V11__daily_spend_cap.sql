-- A tenant's daily spend cap: over it, starts are refused (403 fraud_blocked) until the next UTC day.
alter table tenant add column daily_spend_cap numeric(18,4);
