-- Per-class sign-in: a class with signin = 1 lets each student of its
-- roster become themselves on any device by picking their name and typing
-- their signin_code (kept readable, so that the teacher can print the
-- cards again; it is random, not made from the roster). Each device signed
-- in that way holds its own token, so that one device's "Switch student"
-- or a new code ends that device's sign-in without touching the others.
ALTER TABLE classes ADD COLUMN signin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE students ADD COLUMN signin_code TEXT;
CREATE TABLE student_devices (
    token_hash   BLOB PRIMARY KEY,
    student_id   INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    signed_in_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX student_devices_student ON student_devices (student_id);

-- The token look-up reads student_devices: a device signed out (a new
-- code, "Switch student") must reach a server that keeps the student in
-- memory (migration 0011). A sign-in adds a token nobody keeps yet, so it
-- moves nothing.
CREATE TRIGGER student_devices_roster_update AFTER UPDATE ON student_devices
BEGIN
    UPDATE roster_edits SET last = last + 1;
END;

CREATE TRIGGER student_devices_roster_delete AFTER DELETE ON student_devices
BEGIN
    UPDATE roster_edits SET last = last + 1;
END;
