-- Candidate: the counter split into 8 sub-rows (stripes) per slot, one with room taken with SKIP LOCKED,
-- else (all 8 locked) the first to be let go.
WITH counted AS (
    UPDATE cand_stripe SET taken = taken + 1
    WHERE (slot_id, stripe) = (SELECT slot_id, stripe FROM cand_stripe WHERE slot_id = :slot_id AND taken < capacity
                               ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING 1)
SELECT count(*) AS counted FROM counted \gset
\if :counted = 0
UPDATE cand_stripe SET taken = taken + 1
WHERE (slot_id, stripe) = (SELECT slot_id, stripe FROM cand_stripe WHERE slot_id = :slot_id AND taken < capacity
                           LIMIT 1 FOR UPDATE);
\endif
