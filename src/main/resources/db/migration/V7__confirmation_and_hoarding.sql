-- Fair access, part two: e-mail confirmation, limits on hoarding, a delay before a freed place is
-- offered again. V6: V4 is the staff branch's, V5 the first fair-access migration.

-- Whether a booking of this type waits for the code sent by e-mail. NULL follows the application's
-- default (temujanji.booking.email-confirmation, on unless switched off).
ALTER TABLE transaction_type ADD COLUMN email_confirmation boolean;

-- PENDING: booked, waiting for the e-mailed code; it holds its place in slot.taken and counts as
-- active. EXPIRED: not confirmed in time, its place given back.
ALTER TABLE appointment DROP CONSTRAINT appointment_status_check;
ALTER TABLE appointment ADD CONSTRAINT appointment_status_check
    CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED'));
ALTER TABLE appointment ADD COLUMN confirmed_at timestamptz;
DROP INDEX appointment_one_active_per_document;
CREATE UNIQUE INDEX appointment_one_active_per_document
    ON appointment (document_type, document_number, service_code) WHERE status IN ('PENDING', 'CONFIRMED');
-- The hoarding limits count a document's and an address's active appointments.
CREATE INDEX appointment_active_document_idx
    ON appointment (document_type, document_number) WHERE status IN ('PENDING', 'CONFIRMED');
CREATE INDEX appointment_active_email_idx
    ON appointment (lower(email)) WHERE status IN ('PENDING', 'CONFIRMED');

-- The code of a PENDING appointment: only its keyed hash is kept (the e-mail carries the code). A try
-- is counted by one conditional UPDATE, so nodes together cannot exceed max tries; a new code (resend)
-- starts the tries again, and sends are limited too. The appointment must be confirmed by expires_at.
CREATE TABLE confirmation_code (
    reference  text        PRIMARY KEY REFERENCES appointment (reference),
    code_hash  text        NOT NULL,
    tries      int         NOT NULL DEFAULT 0,
    sends      int         NOT NULL DEFAULT 1,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX confirmation_code_due_idx ON confirmation_code (expires_at) WHERE used_at IS NULL;

-- The code e-mail needs the code itself: it waits here until the code is used or dead, then is erased.
ALTER TABLE outbox_message ADD COLUMN secret text;

-- A place given back by a booking (cancelled, expired unconfirmed, moved away) is offered again only
-- from the time kept here, one entry per place: free = capacity - taken - entries still in the future.
-- Kept in the slot's own row, so the take stays one conditional statement under the row's lock.
ALTER TABLE slot ADD COLUMN quarantined_until timestamptz[] NOT NULL DEFAULT '{}';
