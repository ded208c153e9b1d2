-- A flash call the handset answered is hung up at once, but the carrier bills it as a connected
-- call: its ledger line says so, and is priced as a voice call to the country.
alter table usage_line add column answered boolean default false not null;

-- the sandbox handset that answers flash calls: it rings, and picks up
alter table sandbox_handset add column answers boolean default false not null;
