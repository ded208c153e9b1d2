-- The monthly summary gathers every ledger line of the verifications billed in a month
-- (a verification's sends may cross midnight); this index finds them by verification.
create index usage_line_verification on usage_line (verification_id);
