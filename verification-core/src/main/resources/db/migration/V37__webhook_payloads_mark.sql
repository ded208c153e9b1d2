-- The retention step that empties webhook payloads walks on from its mark too, in the order the
-- events were made, instead of over every payload that earlier runs emptied already; an event that
-- still keeps its payload (pending, or tried since the cutoff) holds the mark (RetentionBatches).
insert into retention_mark (step, done_until) values ('webhook_payloads', timestamp with time zone '1970-01-01 00:00:00+00');
