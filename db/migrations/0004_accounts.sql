-- Accounts run from the browser: an account can be turned off, its sign-ins
-- are recorded, each signed-in browser is a row the teacher can end, one-time
-- invitation and password-reset links, quizzes and classes shared between
-- teachers, and an audit log an admin reads.

ALTER TABLE users ADD COLUMN disabled_at TEXT;
ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;

-- A teacher's signed-in browser. The session cookie's id is stored as its
-- SHA-256; a session without its row here is signed out.
CREATE TABLE teacher_sessions (
    id_hash    BLOB PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    seen_at    TEXT NOT NULL,
    address    TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX teacher_sessions_user ON teacher_sessions (user_id);

-- One-time links. Only the token's SHA-256 is stored; used_at is set by the
-- one UPDATE that consumes it. An invitation names the role the new account
-- gets; a reset names the account.
CREATE TABLE account_links (
    id         INTEGER PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
    user_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT NOT NULL DEFAULT 'teacher' CHECK (role IN ('teacher', 'admin')),
    note       TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

-- Teachers other than the owner who may edit a quiz or read its results.
CREATE TABLE quiz_shares (
    quiz_id INTEGER NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    access  TEXT NOT NULL CHECK (access IN ('editor', 'viewer')),
    PRIMARY KEY (quiz_id, user_id)
) WITHOUT ROWID;
CREATE INDEX quiz_shares_user ON quiz_shares (user_id);

-- Teachers of a class besides its owner.
CREATE TABLE class_teachers (
    class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (class_id, user_id)
) WITHOUT ROWID;
CREATE INDEX class_teachers_user ON class_teachers (user_id);

-- Who did what, when and from where. actor is the username as it was (or
-- as typed, for a failed sign-in), kept when the account is removed.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor    TEXT NOT NULL DEFAULT '',
    action   TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT '',
    address  TEXT NOT NULL DEFAULT ''
);
