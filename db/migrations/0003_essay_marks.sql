-- A teacher marks essays by hand: marked_at records when, and stays empty
-- until then (and again when the student changes the answer).
ALTER TABLE responses ADD COLUMN marked_at TEXT;
