-- Candidate: one row per place, a free one taken with FOR UPDATE SKIP LOCKED (the app's take, bench/pgbench/minimal.sql).
UPDATE slot_place SET taken = true, free_from = NULL
WHERE id = (SELECT id FROM slot_place WHERE slot_id = :slot_id AND NOT taken AND (free_from IS NULL OR free_from <= now())
            LIMIT 1 FOR UPDATE SKIP LOCKED);
