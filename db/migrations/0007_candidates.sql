-- The generator's other questions on a drafted quiz's article, kept with
-- the quiz so that the teacher can swap one in for a drafted question or
-- add it. Each row is one question as the generator wrote it (JSON: kind,
-- prompt, choices, evidence span, template, score), so the draft page reads
-- the same after the generator changes and needs no second run of it. A
-- question swapped out of the quiz comes back here, in the slot of the one
-- that replaced it. Quizzes made before this table have no rows.
CREATE TABLE candidates (
    id       INTEGER PRIMARY KEY,
    quiz_id  INTEGER NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    rank     INTEGER NOT NULL,
    question TEXT NOT NULL
);
CREATE INDEX candidates_quiz ON candidates (quiz_id, rank);
