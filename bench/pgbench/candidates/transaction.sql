-- The minimal booking transaction the candidates share: the appointment, its e-mail in the outbox, then
-- the place counted by the candidate's statement (take-<candidate>.sql; none for inserts-only), in the
-- app's order. The first query is the harness's: the slot (cand_slot, bench/pgbench/candidates/setup.sql).
\set n 1 + random(0, :nslots - 1) + :first
\set token random(1, 1000000000000)
SELECT slot_id FROM cand_slot WHERE n = :n \gset
BEGIN;
INSERT INTO appointment (reference, slot_id, branch_code, service_code, day, start_time, end_time,
    status, full_name, document_type, document_number, nationality, email, phone, language,
    idempotency_key, request_hash, created_at)
SELECT translate(upper(substr(md5(random()::text), 1, 10)), '01', '23'), s.id, s.branch_code, s.service_code, s.day,
    s.start_time, s.end_time, 'PENDING', 'Pemohon Ujian', 'PASSPORT', 'CAND' || :client_id || 'T' || :token, 'SGP',
    'cand' || :client_id || 't' || :token || '@bench.example.my', '+6591234567', 'ms',
    'cand-' || :client_id || '-' || :token, md5(:token::text), now()
FROM slot s WHERE s.id = :slot_id
RETURNING reference \gset
INSERT INTO outbox_message (kind, appointment_reference, recipient, language, previous_day, previous_start,
    next_attempt_at, created_at, secret)
VALUES ('CONFIRMATION_CODE', :reference, 'cand' || :client_id || 't' || :token || '@bench.example.my',
    'ms', NULL, NULL, now(), now(), lpad((random() * 999999)::int::text, 6, '0'));
-- the place counted, the candidate's statement (bench/pgbench/candidates/run puts it here)
:TAKE
END;
