-- Students are kept in memory by the token of their cookie. Every change
-- that could change whom a token names or what that student is (name,
-- class, removed, merged, signed out; a class deleted or restored) moves
-- roster_edits.last in the same transaction as the change (these
-- triggers), so that a server holding a student in memory sees at once
-- that its copy is old, whichever server made the change. A new student
-- moves nothing: no server holds their token yet. A table that the token
-- look-up (db/students.go) reads needs the same triggers.
CREATE TABLE roster_edits (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
);
INSERT INTO roster_edits (id, last) VALUES (1, 1);

CREATE TRIGGER students_roster_update AFTER UPDATE ON students
BEGIN
    UPDATE roster_edits SET last = last + 1;
END;

CREATE TRIGGER students_roster_delete AFTER DELETE ON students
BEGIN
    UPDATE roster_edits SET last = last + 1;
END;

CREATE TRIGGER classes_roster_update AFTER UPDATE ON classes
BEGIN
    UPDATE roster_edits SET last = last + 1;
END;

CREATE TRIGGER classes_roster_delete AFTER DELETE ON classes
BEGIN
    UPDATE roster_edits SET last = last + 1;
END;
