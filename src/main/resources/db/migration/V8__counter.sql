-- The counter (kaunter): check-in, late arrivals and no-shows. V8: V7 (e-mail confirmation codes)
-- adds PENDING and EXPIRED; whichever of the two is merged first, the status check after V8 allows
-- every status of both.

-- Replace the status check, whatever it is called by then (V2's was unnamed, V7 may rename it).
DO $$
DECLARE
    check_name text;
BEGIN
    FOR check_name IN
        SELECT c.conname FROM pg_constraint c
        WHERE c.conrelid = 'appointment'::regclass AND c.contype = 'c'
          AND c.conkey = ARRAY[(SELECT attnum FROM pg_attribute
                                WHERE attrelid = 'appointment'::regclass AND attname = 'status')]
    LOOP
        EXECUTE format('ALTER TABLE appointment DROP CONSTRAINT %I', check_name);
    END LOOP;
END
$$;
ALTER TABLE appointment ADD CONSTRAINT appointment_status_check
    CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'CHECKED_IN', 'LATE', 'NO_SHOW'));

-- Who checked the applicant in and when; when the officer marked them late; when the end-of-day job
-- found them absent (automatic blocking counts status = 'NO_SHOW').
ALTER TABLE appointment
    ADD COLUMN checked_in_at timestamptz,
    ADD COLUMN checked_in_by text,
    ADD COLUMN late_at       timestamptz,
    ADD COLUMN no_show_at    timestamptz,
    ADD CONSTRAINT appointment_checked_in_recorded
        CHECK (status <> 'CHECKED_IN' OR (checked_in_at IS NOT NULL AND checked_in_by IS NOT NULL)),
    ADD CONSTRAINT appointment_late_recorded CHECK (status <> 'LATE' OR late_at IS NOT NULL),
    ADD CONSTRAINT appointment_no_show_recorded CHECK (status <> 'NO_SHOW' OR no_show_at IS NOT NULL);

-- The end-of-day job looks for confirmed appointments of past days.
CREATE INDEX appointment_confirmed_day_idx ON appointment (day) WHERE status = 'CONFIRMED';

-- Minutes after the arrive-early time during which the counter still checks an applicant in; each
-- branch sets its own (branch configuration gives it a form).
ALTER TABLE branch ADD COLUMN late_grace_minutes int NOT NULL DEFAULT 10 CHECK (late_grace_minutes BETWEEN 0 AND 120);
