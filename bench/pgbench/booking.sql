-- One booking as the app makes it (POST /api/v1/appointments with a slot), statement for statement:
-- the same SQL that Booking, Catalogue, Availability, SlotInventory and the e-mail outbox send, in the
-- same order.
-- Only the first query is the harness's: it picks the next free place (each once), as the request
-- body would. Texts with a
-- colon come from -D variables (bench/run), since pgbench reads ":name" inside literals as a variable.
\set n :offset + (:i * :clients + :client_id) % :nplaces + 1
\set k :i * :clients + :client_id
\set i :i + 1
SELECT branch, service, day, start_time, end_time, capacity FROM bench_place WHERE id = :n \gset
-- Booking.book: a full slot is refused at once, in one read (SlotInventory.FULL), unless the key booked.
SELECT (coalesce((SELECT NOT EXISTS (SELECT 1 FROM slot_place p WHERE p.slot_id = s.id AND NOT p.taken
        AND (p.free_from IS NULL OR p.free_from <= now()))
    FROM slot s WHERE s.branch_code = :branch AND s.service_code = :service AND s.day = :day::date
        AND s.start_time = :start_time::time), false)
    AND NOT EXISTS (SELECT 1 FROM appointment WHERE idempotency_key = :key_prefix::text || :run::text || '-' || :client_id::text || '-' || :k::text))::int AS full \gset
\if :full = 0
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended(:idempotency_prefix::text || :run::text || '-' || :client_id::text || '-' || :k::text, 0)),
       pg_advisory_xact_lock(hashtextextended(:document_prefix::text || :run::text || 'C' || :client_id::text || 'K' || :k::text, 0)),
       pg_advisory_xact_lock(hashtextextended('email' || :colon::text || 'pgb' || :run::text || 'c' || :client_id::text || 'k' || :k::text || '@bench.example.my', 0)),
       pg_advisory_xact_lock_shared(21315, hashtext(:branch));
SELECT reference, status, branch_code, service_code, day, start_time, end_time, full_name, document_type,
       document_number, nationality, email, phone, created_at, language, request_hash
FROM appointment WHERE idempotency_key = :key_prefix::text || :run::text || '-' || :client_id::text || '-' || :k::text;
-- Blocks: the automatic block (3 missed within 90 days, 30 days, 24 h) and the staff blocks.
WITH missed AS (
    SELECT day, lag(day, 3 - 1) OVER (ORDER BY day, start_time) AS kth_back
    FROM appointment
    WHERE document_type = 'PASSPORT' AND document_number = 'PGB' || :run::text || 'C' || :client_id::text || 'K' || :k::text
      AND status IN ('NO_SHOW', 'LATE', 'CANCELLED') AND day >= current_date - 120
      AND (status <> 'CANCELLED' OR (cancelled_by_staff IS NULL
           AND cancelled_at > ((day + start_time) AT TIME ZONE 'Asia/Kuala_Lumpur') - 1440 * interval '1 minute')))
SELECT 'DOCUMENT' AS subject, 'MISSED_APPOINTMENTS' AS reason, max(day) + 30 AS last_day,
       true AS automatic
FROM missed WHERE true AND kth_back > day - 90
HAVING max(day) + 30 >= current_date
UNION ALL
SELECT CASE WHEN email IS NULL THEN 'DOCUMENT' ELSE 'EMAIL' END, reason, ends_on, false
FROM applicant_block
WHERE lifted_at IS NULL AND ends_on >= current_date
  AND ((document_type = 'PASSPORT' AND document_number = 'PGB' || :run::text || 'C' || :client_id::text || 'K' || :k::text) OR email = lower('pgb' || :run::text || 'c' || :client_id::text || 'k' || :k::text || '@bench.example.my'))
ORDER BY last_day DESC, automatic LIMIT 1;
-- The type's active appointment and the counts behind the hoarding limits, in one read.
SELECT reference, status, branch_code, service_code, day, start_time, end_time, full_name, document_type,
       document_number, nationality, email, phone, created_at, language,
       document_type = 'PASSPORT' AND document_number = 'PGB' || :run::text || 'C' || :client_id::text || 'K' || :k::text AND service_code = :service AS of_service,
       count(*) FILTER (WHERE day + start_time > localtimestamp AND document_type = 'PASSPORT' AND document_number = 'PGB' || :run::text || 'C' || :client_id::text || 'K' || :k::text) OVER () AS by_document,
       count(*) FILTER (WHERE day + start_time > localtimestamp AND lower(email) = lower('pgb' || :run::text || 'c' || :client_id::text || 'k' || :k::text || '@bench.example.my')) OVER () AS by_email
FROM appointment
WHERE ((document_type = 'PASSPORT' AND document_number = 'PGB' || :run::text || 'C' || :client_id::text || 'K' || :k::text)
       OR lower(email) = lower('pgb' || :run::text || 'c' || :client_id::text || 'k' || :k::text || '@bench.example.my'))
  AND status IN ('PENDING', 'CONFIRMED')
ORDER BY of_service DESC LIMIT 1;
-- The hold gates: the fair opening's asks whether the day was released today, from the transaction types.
SELECT t.code, t.name_ms, t.name_en, t.slot_minutes, t.lead_days, t.window_months, t.email_confirmation
FROM transaction_type t ORDER BY t.code;
-- SlotInventory.take (the branch's shared schedule lock was taken with the key locks): the offering
-- (whose type says whether the booking waits for an e-mailed code) and the calendar read fresh.
SELECT b.code, b.department_code, b.state_code, b.name_ms, b.name_en, b.address, b.active, t.code, t.name_ms, t.name_en,
       t.slot_minutes, coalesce(o.lead_days, t.lead_days), coalesce(o.window_months, t.window_months), t.email_confirmation,
       o.slot_minutes AS offered_minutes, o.capacity, o.active AS offering_active
FROM offering o JOIN branch b ON b.code = o.branch_code JOIN transaction_type t ON t.code = o.service_code
WHERE o.branch_code = :branch AND o.service_code = :service ORDER BY t.code;
SELECT 'H' AS kind, day_of_week, opens, closes, NULL::date AS day, NULL AS name_ms, NULL AS name_en, 0 AS rank
FROM opening_hours WHERE branch_code = :branch
UNION ALL
SELECT 'W', w.day_of_week, NULL, NULL, NULL, NULL, NULL, 0
FROM state_weekend w JOIN branch b ON b.state_code = w.state_code WHERE b.code = :branch
UNION ALL
SELECT 'C', NULL, NULL, NULL, c.day, c.name_ms, c.name_en,
       array_position(ARRAY['FEDERAL', 'STATE', 'BRANCH'], c.kind)::bigint * 1000000000 + c.id
FROM closure c
WHERE c.day BETWEEN :day::date AND :day::date
  AND (c.branch_code = :branch OR EXISTS (
        SELECT 1 FROM closure_state cs JOIN branch b ON b.state_code = cs.state_code
        WHERE cs.closure_id = c.id AND b.code = :branch))
ORDER BY kind, day, rank;
-- SlotInventory.take: the slot's row (made with its places, all free, on the slot's first booking) ...
WITH made AS (
    INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
    VALUES (:branch, :service, :day::date, :start_time::time, :end_time::time, :capacity::int)
    ON CONFLICT (branch_code, service_code, day, start_time) DO NOTHING
    RETURNING id)
SELECT id AS slot_id FROM made UNION ALL SELECT id FROM slot WHERE branch_code = :branch AND service_code = :service
    AND day = :day::date AND start_time = :start_time::time \gset
-- ... then Booking writes the appointment with its code in one statement (the app makes the reference; here
-- RETURNING hands it to the next statement), and its e-mail ...
WITH made AS (
INSERT INTO appointment (reference, slot_id, branch_code, service_code, day, start_time, end_time,
    status, full_name, document_type, document_number, nationality, email, phone, language,
    idempotency_key, request_hash, created_at)
VALUES (translate(upper(substr(md5(random()::text), 1, 10)), '01', '23'), :slot_id, :branch, :service, :day::date,
    :start_time::time, :end_time::time, 'PENDING', 'Pemohon Ujian', 'PASSPORT',
    'PGB' || :run::text || 'C' || :client_id::text || 'K' || :k::text, 'SGP',
    'pgb' || :run::text || 'c' || :client_id::text || 'k' || :k::text || '@bench.example.my', '+6591234567', 'ms',
    :key_prefix::text || :run::text || '-' || :client_id::text || '-' || :k::text, md5(:k::text), now())
RETURNING reference)
INSERT INTO confirmation_code (reference, code_hash, expires_at)
SELECT reference, encode(sha256(random()::text::bytea), 'hex'), now() + interval '10 minutes' FROM made
RETURNING reference \gset
INSERT INTO outbox_message (kind, appointment_reference, recipient, language, previous_day, previous_start,
    next_attempt_at, created_at, secret)
VALUES ('CONFIRMATION_CODE', :reference, 'pgb' || :run::text || 'c' || :client_id::text || 'k' || :k::text || '@bench.example.my',
    'ms', NULL, NULL, now(), now(), lpad((random() * 999999)::int::text, 6, '0'));
-- ... and last one free place row taken, one no other transaction has locked (pgbench's \gset needs a
-- row, hence the count around it); when every free one is locked, the first to be let go that is still
-- free; none left: the transaction rolls back.
WITH counted AS (
    UPDATE slot_place SET taken = true, free_from = NULL
    WHERE id = (SELECT id FROM slot_place WHERE slot_id = :slot_id AND NOT taken AND (free_from IS NULL OR free_from <= now())
                LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING 1)
SELECT count(*) AS counted FROM counted \gset
\if :counted = 0
WITH counted AS (
    UPDATE slot_place SET taken = true, free_from = NULL
    WHERE id = (SELECT id FROM slot_place WHERE slot_id = :slot_id AND NOT taken AND (free_from IS NULL OR free_from <= now())
                LIMIT 1 FOR UPDATE)
    RETURNING 1)
SELECT count(*) AS counted FROM counted \gset
\endif
\if :counted = 1
END;
\else
ROLLBACK;
\endif
\endif
