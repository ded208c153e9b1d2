-- Verification lists go newest first, page by page after a (created_at, id) position: a tenant's
-- own world (GET /api/v1/verifications) and admins' look across tenants. These indexes serve
-- that order without sorting the whole table.
create index verification_world_created on verification (tenant_id, test_mode, created_at, id);
create index verification_created on verification (created_at, id);
