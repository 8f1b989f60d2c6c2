-- The candidates' own offering and slots, on a database with Temujanji's schema (any data): slot 1 alone
-- (the ONE-slot runs) and slots 2-101 (the 100-slot runs), each with room for every booking of a run,
-- so that what is measured is the queue on the slot's rows, never a full slot.
INSERT INTO state (code, name_ms, name_en) VALUES ('PGC', 'Calon', 'Candidates') ON CONFLICT DO NOTHING;
INSERT INTO department (code, name_ms, name_en, state_code) VALUES ('PGB-CAND', 'Calon', 'Candidates', 'PGC')
    ON CONFLICT DO NOTHING;
INSERT INTO branch (code, department_code, state_code, name_ms, name_en, address)
    VALUES ('PGB-CAND', 'PGB-CAND', 'PGC', 'Calon', 'Candidates', '-') ON CONFLICT DO NOTHING;
INSERT INTO transaction_type (code, name_ms, name_en, slot_minutes) VALUES ('PGBC', 'Calon', 'Candidates', 15)
    ON CONFLICT DO NOTHING;
INSERT INTO offering (branch_code, service_code, slot_minutes, capacity) VALUES ('PGB-CAND', 'PGBC', 15, 100)
    ON CONFLICT DO NOTHING;
DELETE FROM outbox_message WHERE recipient LIKE 'cand%@bench.example.my';
DELETE FROM appointment WHERE branch_code = 'PGB-CAND';
DELETE FROM slot WHERE branch_code = 'PGB-CAND';
DROP TABLE IF EXISTS cand_slot, cand_counter, cand_stripe;
-- n = 1: the one slot, 40,000 places; n = 2..101: 100 slots of 400.
CREATE TABLE cand_slot (n int PRIMARY KEY, slot_id bigint NOT NULL);
WITH made AS (
    INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
    SELECT 'PGB-CAND', 'PGBC', DATE '2099-01-01' + n / 40, TIME '08:00' + (n % 40) * interval '15 minutes',
           TIME '08:15' + (n % 40) * interval '15 minutes', CASE WHEN n = 1 THEN 40000 ELSE 400 END
    FROM generate_series(1, 101) n
    RETURNING id, capacity)
INSERT INTO cand_slot SELECT row_number() OVER (ORDER BY capacity DESC, id), id FROM made;
-- Today's counter row (taken/capacity on one row per slot) and the stripes (8 sub-rows per slot).
CREATE TABLE cand_counter (slot_id bigint PRIMARY KEY, capacity int NOT NULL, taken int NOT NULL DEFAULT 0,
    quarantined_until timestamptz[] NOT NULL DEFAULT '{}', CHECK (taken <= capacity));
INSERT INTO cand_counter (slot_id, capacity) SELECT slot_id, 1000000000 FROM cand_slot;
CREATE TABLE cand_stripe (slot_id bigint NOT NULL, stripe int NOT NULL, capacity int NOT NULL,
    taken int NOT NULL DEFAULT 0, PRIMARY KEY (slot_id, stripe), CHECK (taken <= capacity));
INSERT INTO cand_stripe (slot_id, stripe, capacity) SELECT slot_id, s, 100000000 FROM cand_slot, generate_series(0, 7) s;
VACUUM ANALYZE slot_place;
VACUUM ANALYZE cand_slot;
VACUUM ANALYZE cand_counter;
VACUUM ANALYZE cand_stripe;
