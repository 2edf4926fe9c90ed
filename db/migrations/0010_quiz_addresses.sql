-- A renamed quiz takes an address from its new title; the old addresses
-- stay its own and lead to it.
CREATE TABLE quiz_old_slugs (
    slug    TEXT PRIMARY KEY,
    quiz_id INTEGER NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE
);
CREATE INDEX quiz_old_slugs_quiz ON quiz_old_slugs (quiz_id);
