-- A carrier's status callback finds its attempt through the send's record (outbound_send_ref), the
-- one place a reference needs an index. Unindexed here, the send's report changes no indexed column
-- of the attempt, and PostgreSQL can update the row in place (a HOT update) instead of adding an
-- entry to each of its three indexes milliseconds after the insert that made it.
drop index verification_attempt_ref;
