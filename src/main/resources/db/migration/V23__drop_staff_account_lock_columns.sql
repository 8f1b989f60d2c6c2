-- Failed logins are counted per username and address in staff_login_failure since V13_2; nothing reads
-- or writes staff_account's own counters any more.
ALTER TABLE staff_account
    DROP COLUMN failed_logins,
    DROP COLUMN failed_logins_since,
    DROP COLUMN locked_until;
