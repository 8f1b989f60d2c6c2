-- The outbox's claim takes the first pending message in its order (codes first, then by id). Without
-- an index in that order, every claim sorted the whole backlog: 20 ms a message with 18,000 waiting
-- after a rush, on the database the bookings need. With it, a claim reads the first entry or two.
CREATE INDEX outbox_message_claim_idx ON outbox_message ((kind NOT IN ('CONFIRMATION_CODE', 'WAITLIST_CODE')), id)
    WHERE status = 'PENDING';
