-- Candidate: today's core, one counter row per slot (taken and the release delay's array on it).
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
UPDATE cand_counter SET taken = taken + 1,
    quarantined_until = array(SELECT t FROM unnest(quarantined_until) t WHERE t > now())
WHERE slot_id = :slot_id AND taken + cardinality(array(SELECT t FROM unnest(quarantined_until) t WHERE t > now())) < capacity;
END;
