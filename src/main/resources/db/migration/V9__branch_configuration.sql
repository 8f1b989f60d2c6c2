-- Branch configuration (issue 5, part 3): what a branch administrator may set for their branch.

-- Minutes an applicant may be late before the counter may mark them late. The counter's V8 adds the
-- same column; whichever runs first creates it and the other leaves it alone.
ALTER TABLE branch ADD COLUMN IF NOT EXISTS late_grace_minutes int NOT NULL DEFAULT 10;

-- A branch may open bookings for a transaction type later or earlier than the department's default
-- (transaction_type.lead_days / window_months): null keeps the default.
ALTER TABLE offering
    ADD COLUMN lead_days     int CHECK (lead_days BETWEEN 0 AND 30),
    ADD COLUMN window_months int CHECK (window_months BETWEEN 1 AND 12);

-- Who cancelled an appointment when it was not the applicant: the staff member whose change of the
-- branch's schedule (a closure, fewer places, other hours) took its place away.
ALTER TABLE appointment ADD COLUMN cancelled_by_staff text;
