-- Blocks (sekatan) that staff place on a document or an e-mail address: until the end of ends_on
-- (branch time) neither can book. Lifting early keeps the row, so the list shows past blocks too.
CREATE TABLE applicant_block (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_type   text CHECK (document_type IN ('MYKAD', 'PASSPORT')),
    document_number text,
    email           text CHECK (email = lower(email)),
    -- Exactly one subject: a document (type and number) or an address.
    CONSTRAINT applicant_block_one_subject CHECK (
        (document_type IS NOT NULL AND document_number IS NOT NULL AND email IS NULL)
        OR (document_type IS NULL AND document_number IS NULL AND email IS NOT NULL)),
    reason          text        NOT NULL CHECK (reason IN ('AGENT', 'FALSE_DETAILS', 'MISUSE', 'MISSED_APPOINTMENTS')),
    note            text,
    ends_on         date        NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    lifted_at       timestamptz,
    lifted_by       text,
    CONSTRAINT applicant_block_lifted_by CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
-- The booking transaction looks a document and an address up among the blocks not lifted.
CREATE INDEX applicant_block_document_idx ON applicant_block (document_type, document_number, ends_on)
    WHERE lifted_at IS NULL AND document_number IS NOT NULL;
CREATE INDEX applicant_block_email_idx ON applicant_block (email, ends_on) WHERE lifted_at IS NULL AND email IS NOT NULL;
CREATE INDEX applicant_block_newest_idx ON applicant_block (created_at DESC);
-- ...and counts a document's missed appointments (no-shows, late arrivals, late cancellations) by day.
CREATE INDEX appointment_missed_document_idx ON appointment (document_type, document_number, day)
    WHERE status IN ('NO_SHOW', 'LATE', 'CANCELLED');
