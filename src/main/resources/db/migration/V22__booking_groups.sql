-- Group booking (issue 19): the applicant and up to a few more people booked in one transaction, all
-- their places or none. Each person is an appointment of their own (own reference, document, slip,
-- check-in); the group ties them together for the one confirmation code, the one e-mail, and the
-- self-service that cancels or moves them together. Single bookings have no group (group_id NULL).
CREATE TABLE booking_group (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at timestamptz NOT NULL
);

-- Nullable columns with no default: adding them rewrites nothing, and the running code ignores them.
-- position 0 is the applicant who booked (the e-mail and the code go to them), 1.. the people added.
ALTER TABLE appointment ADD COLUMN group_id bigint REFERENCES booking_group (id);
ALTER TABLE appointment ADD COLUMN group_position int;
ALTER TABLE appointment ADD COLUMN date_of_birth date;
ALTER TABLE appointment ADD COLUMN relationship text;
ALTER TABLE appointment ADD CONSTRAINT appointment_group_member CHECK (
    (group_id IS NULL AND group_position IS NULL AND relationship IS NULL)
    OR (group_id IS NOT NULL AND group_position >= 0 AND relationship IN
        ('SELF', 'SPOUSE', 'CHILD', 'PARENT', 'SIBLING', 'OTHER_RELATIVE')
        AND (group_position = 0) = (relationship = 'SELF')));
-- One person per position of a group.
CREATE UNIQUE INDEX appointment_group_position ON appointment (group_id, group_position) WHERE group_id IS NOT NULL;

-- The people the applicant adds on the booking pages, as typed, kept on the hold with the applicant's
-- draft until the booking is made (a list of MemberInput; NULL: nobody added).
ALTER TABLE hold ADD COLUMN members jsonb;
