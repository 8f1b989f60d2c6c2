-- Candidate: the counter split into 8 sub-rows (stripes) per slot, one with room taken with SKIP LOCKED,
-- else (all 8 locked) the first to be let go.
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
END;
