-- A claim is owned: the node that claims a message writes a random token with its lease, renews the
-- lease while it sends, and settles the message only while the token is still its own; a node whose
-- lease ran out (it died, or stalled) finds its token replaced and changes nothing.
ALTER TABLE outbox_message ADD COLUMN lease_token uuid;

-- A message about an appointment that changed meanwhile (a code for a booking already confirmed or
-- cancelled, a reminder for a day the appointment is no longer on) is settled without being sent,
-- with the reason.
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_status_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_status_check
    CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED'));
ALTER TABLE outbox_message ADD COLUMN skipped_reason text;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_skipped_reason_check
    CHECK ((status = 'SKIPPED') = (skipped_reason IS NOT NULL));
