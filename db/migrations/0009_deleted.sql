-- Deleting keeps a way back. A deleted question is kept whole, with the
-- answers students gave to it, until it is restored; a deleted quiz or
-- class keeps its rows and is hidden (deleted_at) until it is restored.
CREATE TABLE deleted_questions (
    id         INTEGER PRIMARY KEY,
    quiz_id    INTEGER NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    prompt     TEXT NOT NULL,
    question   TEXT NOT NULL, -- the question and its choices, as JSON
    responses  TEXT NOT NULL, -- the answers given to it, as JSON
    answers    INTEGER NOT NULL,
    deleted_at TEXT NOT NULL
);
CREATE INDEX deleted_questions_quiz ON deleted_questions (quiz_id);

ALTER TABLE quizzes ADD COLUMN deleted_at TEXT;
ALTER TABLE classes ADD COLUMN deleted_at TEXT;
