-- Every change to a quiz, its questions, their choices or its article gives
-- the quiz a new version, in the same transaction as the change (these
-- triggers), so that a server holding the quiz in memory sees at once that
-- its copy is old, whichever server made the change. Versions come from
-- one counter, so that a quiz made with the id of a deleted one never
-- shares a version with it.
CREATE TABLE quiz_edits (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
);

ALTER TABLE quizzes ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
UPDATE quizzes SET version = id;
INSERT INTO quiz_edits (id, last) VALUES (1, COALESCE((SELECT MAX(id) FROM quizzes), 0));

CREATE TRIGGER quizzes_version_insert AFTER INSERT ON quizzes
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits) WHERE id = NEW.id;
END;

CREATE TRIGGER quizzes_version_update AFTER UPDATE ON quizzes
WHEN NEW.version = OLD.version
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits) WHERE id = NEW.id;
END;

CREATE TRIGGER questions_version_insert AFTER INSERT ON questions
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits) WHERE id = NEW.quiz_id;
END;

CREATE TRIGGER questions_version_update AFTER UPDATE ON questions
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits) WHERE id IN (OLD.quiz_id, NEW.quiz_id);
END;

CREATE TRIGGER questions_version_delete AFTER DELETE ON questions
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits) WHERE id = OLD.quiz_id;
END;

CREATE TRIGGER choices_version_insert AFTER INSERT ON choices
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits)
    WHERE id = (SELECT quiz_id FROM questions WHERE id = NEW.question_id);
END;

CREATE TRIGGER choices_version_update AFTER UPDATE ON choices
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits)
    WHERE id IN (SELECT quiz_id FROM questions WHERE id IN (OLD.question_id, NEW.question_id));
END;

CREATE TRIGGER choices_version_delete AFTER DELETE ON choices
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits)
    WHERE id = (SELECT quiz_id FROM questions WHERE id = OLD.question_id);
END;

CREATE TRIGGER articles_version_update AFTER UPDATE ON articles
BEGIN
    UPDATE quiz_edits SET last = last + 1;
    UPDATE quizzes SET version = (SELECT last FROM quiz_edits) WHERE article_id = NEW.id;
END;
