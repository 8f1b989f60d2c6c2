-- System administration deactivates rather than deletes: appointments, slots, staff and closures refer
-- to branches and offerings. An inactive branch or offering is not shown to applicants and cannot be
-- booked; what was booked before stays as it is.
ALTER TABLE branch ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE offering ADD COLUMN active boolean NOT NULL DEFAULT true;

-- The appointment statuses of every back-office branch (e-mail confirmation V7, counter V8), whatever
-- order they are merged in: drop every CHECK that only lists the allowed statuses, whatever its name,
-- and allow exactly the full set.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'appointment'::regclass AND contype = 'c'
               AND pg_get_constraintdef(oid) ~ '^CHECK \(\(status = ANY \(ARRAY\[[^]]*\]\)\)\)$'
    LOOP
        EXECUTE format('ALTER TABLE appointment DROP CONSTRAINT %I', c.conname);
    END LOOP;
END
$$;
ALTER TABLE appointment ADD CONSTRAINT appointment_status_check
    CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'CHECKED_IN', 'LATE', 'NO_SHOW'));
