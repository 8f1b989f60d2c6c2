-- The minimal booking transaction, the physical limit beside the app's: the appointment, its e-mail in
-- the outbox and one free place row taken (as SlotInventory.take takes it), nothing else, in the app's
-- order. The first query is the harness's: the next free place (each once) and its slot row, made
-- beforehand (bench pgbench-slots). Texts with a colon come from -D variables (bench/run).
\set n :offset + (:i * :clients + :client_id) % :nplaces + 1
\set k :i * :clients + :client_id
\set i :i + 1
SELECT s.id AS slot_id, s.branch_code AS branch, s.service_code AS service, s.day, s.start_time, s.end_time
FROM bench_place p JOIN slot s ON s.branch_code = p.branch AND s.service_code = p.service AND s.day = p.day
    AND s.start_time = p.start_time
WHERE p.id = :n \gset
BEGIN;
INSERT INTO appointment (reference, slot_id, branch_code, service_code, day, start_time, end_time,
    status, full_name, document_type, document_number, nationality, email, phone, language,
    idempotency_key, request_hash, created_at)
VALUES (translate(upper(substr(md5(random()::text), 1, 10)), '01', '23'), :slot_id, :branch, :service, :day::date,
    :start_time::time, :end_time::time, 'PENDING', 'Pemohon Ujian', 'PASSPORT',
    'PGB' || :run::text || 'C' || :client_id::text || 'K' || :k::text, 'SGP',
    'pgb' || :run::text || 'c' || :client_id::text || 'k' || :k::text || '@bench.example.my', '+6591234567', 'ms',
    :key_prefix::text || :run::text || '-' || :client_id::text || '-' || :k::text, md5(:k::text), now())
RETURNING reference \gset
INSERT INTO outbox_message (kind, appointment_reference, recipient, language, previous_day, previous_start,
    next_attempt_at, created_at, secret)
VALUES ('CONFIRMATION_CODE', :reference, 'pgb' || :run::text || 'c' || :client_id::text || 'k' || :k::text || '@bench.example.my',
    'ms', NULL, NULL, now(), now(), lpad((random() * 999999)::int::text, 6, '0'));
-- The place is conditional, as in the app: none free, and the transaction rolls back (pgbench's \gset
-- needs a row, hence the count around it). Past its stretch of places a committed appointment without
-- a place would miscount its slot (bench check).
WITH counted AS (
    UPDATE slot_place SET taken = true, free_from = NULL
    WHERE id = (SELECT id FROM slot_place WHERE slot_id = :slot_id AND NOT taken AND (free_from IS NULL OR free_from <= now())
                LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING 1)
SELECT count(*) AS counted FROM counted \gset
\if :counted = 1
END;
\else
ROLLBACK;
\endif
