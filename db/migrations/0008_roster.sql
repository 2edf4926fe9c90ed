-- A class roster the teacher keeps: a removed student is hidden, not lost
-- (removed_at, undone by a restore), and a student merged into another
-- (two devices of one pupil) keeps their row so that the old device's
-- cookie leads to the student it was merged into.
ALTER TABLE students ADD COLUMN removed_at TEXT;
ALTER TABLE students ADD COLUMN merged_into INTEGER REFERENCES students (id);
