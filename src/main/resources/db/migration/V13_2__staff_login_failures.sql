-- Failed staff logins count per username AND client address (an IPv6 client by its /64): five
-- failures lock that username from that address only, so that a stranger cannot lock a staff member
-- out of their account from elsewhere. Unknown usernames are counted the same way, so a lock does not
-- tell a stranger which usernames exist. staff_account's own counters are no longer written.
CREATE TABLE staff_login_failure (
    username     text        NOT NULL,
    address      text        NOT NULL,
    failures     integer     NOT NULL CHECK (failures >= 0),
    since        timestamptz,
    locked_until timestamptz,
    PRIMARY KEY (username, address)
);
UPDATE staff_account SET failed_logins = 0, failed_logins_since = NULL, locked_until = NULL
WHERE failed_logins > 0 OR locked_until IS NOT NULL;
