-- Lesson quizzes: each attempt of a learner, every poll sent for it, every answer; and the
-- live quiz a host runs for a cohort (below).
-- Times are UTC, ISO 8601. A quiz is named by its stable key ("L3.quiz") in the cohort's course
-- version; question and option numbers are 0-based positions in that version's quiz.

-- One row per attempt. At most one open attempt per learner and quiz (the index below); the
-- best finished attempt counts. The option order is fixed when the attempt starts (shuffled per
-- learner when the quiz says `shuffle: true`), so a restart shows the same order.
CREATE TABLE quiz_attempts (
    id             INTEGER PRIMARY KEY,
    cohort_id      INTEGER NOT NULL REFERENCES cohorts (id),
    user_id        INTEGER NOT NULL REFERENCES users (telegram_id),
    version_id     INTEGER NOT NULL REFERENCES course_versions (id),
    quiz_key       TEXT NOT NULL,            -- "L3.quiz"
    number         INTEGER NOT NULL CHECK (number >= 1),  -- 1st, 2nd ... attempt
    state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'finished')),
    questions      INTEGER NOT NULL CHECK (questions >= 1),
    option_order   TEXT NOT NULL,            -- JSON [[2,0,1], ...]: per question, the option shown at each place
    asked          INTEGER NOT NULL DEFAULT 1,  -- questions handed out; the current one is asked - 1
    right_answers  INTEGER,                  -- set when finished
    started_at     TEXT NOT NULL,
    active_at      TEXT NOT NULL,            -- the start or the last answer: the reminder counts from here
    finished_at    TEXT,
    reminded_at    TEXT,                     -- the one "you did not finish" reminder went out
    result_sent_at TEXT,                     -- the result message went out
    UNIQUE (cohort_id, user_id, quiz_key, number)
);
CREATE UNIQUE INDEX quiz_attempts_one_open ON quiz_attempts (cohort_id, user_id, quiz_key) WHERE state = 'open';
CREATE INDEX quiz_attempts_by_state ON quiz_attempts (state, active_at);

-- Every quiz poll Telegram accepted, by the id its answers carry. Recorded the moment Telegram
-- answers sendPoll, so an answer that arrives after a restart still finds its attempt. A question
-- may have two polls (sent again after a crash); the first answer to either counts.
CREATE TABLE quiz_polls (
    poll_id    TEXT PRIMARY KEY,
    attempt_id INTEGER NOT NULL REFERENCES quiz_attempts (id),
    question   INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    sent_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX quiz_polls_by_attempt ON quiz_polls (attempt_id, question);

-- One answer per attempt and question: the first that arrives.
CREATE TABLE quiz_answers (
    attempt_id  INTEGER NOT NULL REFERENCES quiz_attempts (id),
    question    INTEGER NOT NULL,
    option      INTEGER NOT NULL,            -- the course's option number, not the shuffled place
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    poll_id     TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (attempt_id, question)
) WITHOUT ROWID;

-- ------------------------------------------------------------------ the live quiz (Kahoot-style)

-- The Telegram group of a cohort, bound by an organizer (/bindgroup in the group). ``purpose``
-- lets another feature (homework review) bind the same group or a different one.
CREATE TABLE cohort_groups (
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
    purpose   TEXT NOT NULL DEFAULT 'quiz',
    chat_id   INTEGER NOT NULL,          -- negative: a group
    bound_by  INTEGER NOT NULL,
    bound_at  TEXT NOT NULL,
    PRIMARY KEY (cohort_id, purpose)
) WITHOUT ROWID;
CREATE UNIQUE INDEX cohort_groups_by_chat ON cohort_groups (chat_id, purpose);

-- A game a host runs for a cohort: a lobby, then the questions one by one. At most one going
-- per cohort (the index below) and per group (checked when one is created).
CREATE TABLE live_games (
    id            INTEGER PRIMARY KEY,
    cohort_id     INTEGER NOT NULL REFERENCES cohorts (id),
    version_id    INTEGER NOT NULL REFERENCES course_versions (id),
    quiz_key      TEXT NOT NULL,              -- "L3.quiz" or "LQ1" (live_quizzes in course.yaml)
    host_user_id  INTEGER NOT NULL,          -- the organizer or curator who runs it
    mode          TEXT NOT NULL CHECK (mode IN ('group', 'private')),
    state         TEXT NOT NULL DEFAULT 'lobby' CHECK (state IN ('lobby', 'running', 'finished', 'stopped')),
    open_period   INTEGER NOT NULL,           -- seconds a question is open
    question      INTEGER NOT NULL DEFAULT -1,  -- the question being played
    question_open INTEGER NOT NULL DEFAULT 0 CHECK (question_open IN (0, 1)),  -- answers count now
    chat_id       INTEGER,                    -- the group, in group mode
    lobby_message_id INTEGER,                 -- the host's lobby message (edited as players join)
    created_at    TEXT NOT NULL,
    started_at    TEXT,
    ended_at      TEXT
);
CREATE UNIQUE INDEX live_games_one_going ON live_games (cohort_id) WHERE state IN ('lobby', 'running');

CREATE TABLE live_players (
    game_id   INTEGER NOT NULL REFERENCES live_games (id),
    user_id   INTEGER NOT NULL REFERENCES users (telegram_id),
    joined_at TEXT NOT NULL,
    PRIMARY KEY (game_id, user_id)
) WITHOUT ROWID;

-- Every poll of a game: one per question in a group, one per player and question in private
-- chats. sent_at (UTC, microseconds) starts that copy's clock.
CREATE TABLE live_polls (
    poll_id    TEXT PRIMARY KEY,
    game_id    INTEGER NOT NULL REFERENCES live_games (id),
    question   INTEGER NOT NULL,
    user_id    INTEGER,                       -- the player it was sent to; NULL in a group
    message_id INTEGER NOT NULL,
    sent_at    TEXT NOT NULL
) WITHOUT ROWID;

-- Each player's first answer to each question, with its time and points, for the reports.
CREATE TABLE live_answers (
    game_id     INTEGER NOT NULL REFERENCES live_games (id),
    question    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    option      INTEGER NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    seconds     REAL NOT NULL,                -- from the player's copy to the answer
    points      INTEGER NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (game_id, question, user_id)
) WITHOUT ROWID;
