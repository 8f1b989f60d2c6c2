-- Every e-mail is written here in the same transaction as the change it reports, then written out
-- and sent by a worker on any node (the booking transaction stays short while it holds its slot): a
-- node claims a message with a lease (locked_until), so each is sent by one node, and retried with
-- backoff after a failure, with the error kept.
CREATE TABLE outbox_message (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                  text        NOT NULL,
    appointment_reference text,
    recipient             text        NOT NULL,
    language              text        NOT NULL CHECK (language IN ('ms', 'en')),
    previous_day          date,       -- where a moved appointment was
    previous_start        time,
    status                text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts              int         NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz NOT NULL,
    locked_until          timestamptz,
    last_error            text,
    created_at            timestamptz NOT NULL,
    sent_at               timestamptz
);
CREATE INDEX outbox_message_due_idx ON outbox_message (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_message_reference_idx ON outbox_message (appointment_reference);

-- The reminder of the day before is claimed once per appointment, whichever node gets there first.
ALTER TABLE appointment ADD COLUMN reminder_sent_at timestamptz;
CREATE INDEX appointment_reminder_due_idx ON appointment (day) WHERE status = 'CONFIRMED' AND reminder_sent_at IS NULL;
