-- Homework: what learners hand in and what curators decide (docs/homework.md). Times are UTC, ISO 8601.

-- One version of a learner's work on one homework of a cohort. A draft collects parts; handing it
-- in makes it 'waiting'; the first curator's decision makes it 'accepted' (final) or 'returned'
-- (a new version may follow; this one is kept). Rows are never deleted.
CREATE TABLE submissions (
    id                INTEGER PRIMARY KEY,
    cohort_id         INTEGER NOT NULL REFERENCES cohorts (id),
    user_id           INTEGER NOT NULL REFERENCES users (telegram_id),
    item_key          TEXT NOT NULL,      -- the homework: "L3.hw"
    version           INTEGER NOT NULL CHECK (version >= 1),
    state             TEXT NOT NULL DEFAULT 'draft'
                      CHECK (state IN ('draft', 'waiting', 'accepted', 'returned')),
    late              INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),  -- handed in after the deadline
    status_message_id INTEGER,            -- the draft's one status message, edited as parts arrive
    opened_at         TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    submitted_at      TEXT,               -- handed in
    decided_at        TEXT,               -- accepted or returned
    UNIQUE (cohort_id, user_id, item_key, version)
);

-- At most one draft, waiting or accepted version per learner and homework: a second draft, a
-- hand-in while one waits, or a new version after acceptance cannot happen, even in a race.
CREATE UNIQUE INDEX submissions_one_open ON submissions (cohort_id, user_id, item_key)
    WHERE state IN ('draft', 'waiting', 'accepted');
-- The curators' queue: oldest first.
CREATE INDEX submissions_waiting ON submissions (cohort_id, submitted_at) WHERE state = 'waiting';
CREATE INDEX submissions_by_user ON submissions (user_id, cohort_id);

-- The parts of a submission, one per learner's message (an album is several), in order. Files are
-- Telegram's file_id (the bot never downloads them); text is the message's text or caption.
CREATE TABLE submission_parts (
    id             INTEGER PRIMARY KEY,
    submission_id  INTEGER NOT NULL REFERENCES submissions (id),
    position       INTEGER NOT NULL CHECK (position >= 1),
    kind           TEXT NOT NULL CHECK (kind IN ('text', 'link', 'photo', 'document', 'video', 'voice',
                                                 'audio', 'video_note')),
    message_id     INTEGER NOT NULL,      -- the learner's message: a repeated update adds nothing
    file_id        TEXT,
    file_unique_id TEXT,
    size           INTEGER,               -- bytes, as Telegram reported
    name           TEXT,                  -- a document's or audio's file name
    text           TEXT,
    media_group_id TEXT,                  -- the album it came in
    added_at       TEXT NOT NULL,
    UNIQUE (submission_id, message_id),
    UNIQUE (submission_id, position)
);

-- The decision on a submission: one row at most, written in the same transaction as the
-- conditional UPDATE ... WHERE state = 'waiting' that lets only the first curator decide.
CREATE TABLE submission_reviews (
    submission_id         INTEGER PRIMARY KEY REFERENCES submissions (id),
    reviewer_id           INTEGER NOT NULL,   -- the curator's Telegram id
    decision              TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
    score                 INTEGER CHECK (score IS NULL OR score >= 0),
    comment               TEXT,
    comment_voice_file_id TEXT,               -- a comment spoken as a voice message
    decided_at            TEXT NOT NULL
) WITHOUT ROWID;

-- Which draft receives what the learner sends now: the one they last opened with "Hand in".
-- Gone once it is handed in, so a photo sent afterwards is asked about, never silently added.
CREATE TABLE homework_focus (
    user_id       INTEGER PRIMARY KEY REFERENCES users (telegram_id),
    submission_id INTEGER NOT NULL REFERENCES submissions (id)
) WITHOUT ROWID;

-- A curator's decision reaches the learner through the delivery table and the sender, like a
-- lesson (crash-safe, never twice): a new kind, 'homework-result', one row per submission
-- (variant 'review-<submission id>'), written in the same transaction as the decision. And the
-- curators' daily digest of work waiting too long, 'review-digest': one row per curator, cohort
-- and day (variant 'digest-<local date>'); its user is a curator, not a learner of the cohort.
-- SQLite cannot change a CHECK in place, so the table is copied (nothing references it).
CREATE TABLE deliveries_new (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    item_key    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lesson', 'homework', 'reminder', 'questionnaire',
                                              'questionnaire-reminder', 'homework-result',
                                              'review-digest')),
    variant     TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    due_at      TEXT NOT NULL,
    expires_at  TEXT,
    urgent      INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    state       TEXT NOT NULL DEFAULT 'planned'
                CHECK (state IN ('planned', 'sending', 'sent', 'unreachable', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    parts_done  INTEGER NOT NULL DEFAULT 0,
    message_ids TEXT NOT NULL DEFAULT '',
    reason      TEXT,
    planned_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sent_at     TEXT,
    UNIQUE (cohort_id, user_id, item_key, kind, variant)
);
INSERT INTO deliveries_new SELECT * FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries (due_at) WHERE state = 'planned';
CREATE INDEX deliveries_by_user ON deliveries (user_id, state);
