-- A hold keeps one place of a slot for an applicant while they fill in their details. While
-- released_at is null its place is counted in slot.taken; the sweeper releases expired holds.
-- The draft details stay on a released hold for a day, so an applicant whose hold ran out does
-- not type them again.
CREATE TABLE hold (
    id          uuid PRIMARY KEY,
    slot_id     bigint      NOT NULL REFERENCES slot (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    released_at timestamptz,
    draft       jsonb
);
CREATE INDEX hold_live_expiry_idx ON hold (expires_at) WHERE released_at IS NULL;

-- An appointment (temujanji). Its place in slot.taken is held while status is CONFIRMED.
CREATE TABLE appointment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference       text        NOT NULL UNIQUE CHECK (reference ~ '^[2-9A-HJ-NP-Z]{10}$'),
    slot_id         bigint      NOT NULL REFERENCES slot (id),
    branch_code     text        NOT NULL,
    service_code    text        NOT NULL,
    day             date        NOT NULL,
    start_time      time        NOT NULL,
    end_time        time        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('CONFIRMED', 'CANCELLED')),
    full_name       text        NOT NULL,
    document_type   text        NOT NULL CHECK (document_type IN ('MYKAD', 'PASSPORT')),
    document_number text        NOT NULL,
    nationality     text        NOT NULL CHECK (nationality ~ '^[A-Z]{3}$'),
    email           text        NOT NULL,
    phone           text        NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    language        text        NOT NULL CHECK (language IN ('ms', 'en')),
    -- The same request sent again (double click, back and submit, retry) finds this row.
    idempotency_key text        NOT NULL UNIQUE,
    request_hash    text        NOT NULL,
    created_at      timestamptz NOT NULL,
    cancelled_at    timestamptz
);
-- One active appointment per document and transaction type. Every column is NOT NULL: a unique
-- index over a nullable column would let duplicates through.
CREATE UNIQUE INDEX appointment_one_active_per_document
    ON appointment (document_type, document_number, service_code) WHERE status = 'CONFIRMED';
CREATE INDEX appointment_slot_idx ON appointment (slot_id);
CREATE INDEX appointment_branch_day_idx ON appointment (branch_code, day);
