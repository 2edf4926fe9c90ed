-- When a student joined their class (a student may move between classes,
-- so this is not their created_at), and the indexes class pages read by.

ALTER TABLE students ADD COLUMN joined_at TEXT;
CREATE INDEX students_class ON students (class_id);
CREATE INDEX class_quizzes_quiz ON class_quizzes (quiz_id);
CREATE INDEX classes_owner ON classes (owner_id);
