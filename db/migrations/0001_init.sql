-- The first schema: teachers, articles, quizzes and their questions, classes,
-- students, attempts and responses, and the key-value table behind sessions.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('teacher', 'admin')),
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE articles (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE quizzes (
    id                 INTEGER PRIMARY KEY,
    title              TEXT NOT NULL,
    slug               TEXT NOT NULL UNIQUE,
    article_id         INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    owner_id           INTEGER REFERENCES users (id) ON DELETE SET NULL,
    status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    shuffle_questions  INTEGER NOT NULL DEFAULT 0,
    shuffle_choices    INTEGER NOT NULL DEFAULT 0,
    feedback           TEXT NOT NULL DEFAULT 'end' CHECK (feedback IN ('now', 'end')),
    attempts_allowed   INTEGER NOT NULL DEFAULT 0,
    time_limit_seconds INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX quizzes_owner ON quizzes (owner_id);

CREATE TABLE questions (
    id             INTEGER PRIMARY KEY,
    quiz_id        INTEGER NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    prompt         TEXT NOT NULL,
    format         TEXT NOT NULL DEFAULT '',
    explanation    TEXT NOT NULL DEFAULT '',
    points         REAL NOT NULL DEFAULT 1,
    evidence_start INTEGER NOT NULL DEFAULT 0,
    evidence_end   INTEGER NOT NULL DEFAULT 0,
    template       TEXT NOT NULL DEFAULT '',
    score          REAL NOT NULL DEFAULT 0,
    category       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX questions_quiz ON questions (quiz_id, position);

CREATE TABLE choices (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    correct     INTEGER NOT NULL DEFAULT 0,
    weight      REAL NOT NULL DEFAULT 0,
    feedback    TEXT NOT NULL DEFAULT '',
    match_text  TEXT NOT NULL DEFAULT '',
    tolerance   REAL NOT NULL DEFAULT 0
);
CREATE INDEX choices_question ON choices (question_id, position);

CREATE TABLE classes (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    join_code  TEXT NOT NULL UNIQUE,
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE class_quizzes (
    class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    quiz_id  INTEGER NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    PRIMARY KEY (class_id, quiz_id)
);

-- A student's token lives in their cookie; only its SHA-256 is stored.
CREATE TABLE students (
    id           INTEGER PRIMARY KEY,
    display_name TEXT NOT NULL,
    class_id     INTEGER REFERENCES classes (id) ON DELETE SET NULL,
    token_hash   BLOB NOT NULL UNIQUE,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE attempts (
    id           INTEGER PRIMARY KEY,
    quiz_id      INTEGER NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    student_id   INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    started_at   TEXT NOT NULL,
    submitted_at TEXT,
    score        REAL NOT NULL DEFAULT 0,
    max_score    REAL NOT NULL DEFAULT 0,
    UNIQUE (quiz_id, student_id, number)
);
CREATE INDEX attempts_student ON attempts (student_id);

CREATE TABLE responses (
    attempt_id  INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    given       TEXT NOT NULL,
    correct     INTEGER NOT NULL,
    points      REAL NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (attempt_id, question_id)
) WITHOUT ROWID;

CREATE TABLE kv (
    key        TEXT PRIMARY KEY,
    value      BLOB NOT NULL,
    expires_at INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
