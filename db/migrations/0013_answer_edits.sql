-- An attempt's answers are kept in memory by the attempt and its
-- answers_version, which every change to the attempt's answers moves in
-- the same transaction as the change (these triggers), whichever server
-- makes it. Versions are drawn from one counter for the whole database,
-- so that no two states of any attempt's answers share a version, not
-- even an attempt that takes the id of a deleted one: a server that
-- reads an attempt's version equal to the one it keeps holds exactly the
-- answers in the database.
CREATE TABLE answer_edits (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
);

ALTER TABLE attempts ADD COLUMN answers_version INTEGER NOT NULL DEFAULT 0;

-- The attempts there are now take their ids as versions; the counter
-- starts above them.
UPDATE attempts SET answers_version = id;
INSERT INTO answer_edits (id, last) VALUES (1, (SELECT COALESCE(MAX(id), 0) FROM attempts));

CREATE TRIGGER attempts_answers_new AFTER INSERT ON attempts
BEGIN
    UPDATE answer_edits SET last = last + 1;
    UPDATE attempts SET answers_version = (SELECT last FROM answer_edits) WHERE id = NEW.id;
END;

CREATE TRIGGER responses_answers_insert AFTER INSERT ON responses
BEGIN
    UPDATE answer_edits SET last = last + 1;
    UPDATE attempts SET answers_version = (SELECT last FROM answer_edits) WHERE id = NEW.attempt_id;
END;

CREATE TRIGGER responses_answers_update AFTER UPDATE ON responses
BEGIN
    UPDATE answer_edits SET last = last + 1;
    UPDATE attempts SET answers_version = (SELECT last FROM answer_edits) WHERE id IN (OLD.attempt_id, NEW.attempt_id);
END;

CREATE TRIGGER responses_answers_delete AFTER DELETE ON responses
BEGIN
    UPDATE answer_edits SET last = last + 1;
    UPDATE attempts SET answers_version = (SELECT last FROM answer_edits) WHERE id = OLD.attempt_id;
END;
