-- Certificates. One row per issued number; the PDF is not stored: it is rendered from this row
-- (and the course version of its cohort) each time it is sent, so it always matches the record.
CREATE TABLE certificates (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,       -- OQU-2026-7KQ4-MX2P (bot.certificates.model.new_number)
    cohort_id    INTEGER NOT NULL REFERENCES cohorts (id),
    user_id      INTEGER NOT NULL,           -- the holder's Telegram id (an alias after erasure)
    languages    TEXT NOT NULL,              -- "kk", or "kk,ru" side by side
    full_name    TEXT NOT NULL,              -- as printed: the registered name when issued
    hours        REAL NOT NULL,              -- as printed
    issued_at    TEXT NOT NULL,              -- UTC
    issued_by    INTEGER,                    -- the organizer's Telegram id; NULL: on completion
    status       TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked', 'replaced')),
    reason       TEXT,                       -- why it was revoked
    changed_by   INTEGER,                    -- who revoked or replaced it
    changed_at   TEXT,
    replacement  TEXT REFERENCES certificates (number)  -- the number that replaced it
);
-- At most one valid certificate per learner and cohort: on_completed cannot issue twice.
CREATE UNIQUE INDEX certificates_one_valid ON certificates (cohort_id, user_id) WHERE status = 'valid';
CREATE INDEX certificates_by_user ON certificates (user_id);

-- Who tried numbers that do not exist, for the throttle of /verify (kept across a restart).
CREATE TABLE verify_misses (
    user_id   INTEGER NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX verify_misses_by_user ON verify_misses (user_id, at);

-- A new delivery kind, 'certificate' (item_key: the number). SQLite cannot change a CHECK in
-- place, so the table is copied as 0008_broadcasts.sql did; it keeps every kind allowed so far.
CREATE TABLE deliveries_new (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    item_key    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lesson', 'homework', 'reminder', 'questionnaire',
                                              'questionnaire-reminder', 'homework-result',
                                              'review-digest', 'broadcast', 'review-post', 'completion',
                                              'certificate')),
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
CREATE INDEX deliveries_by_item ON deliveries (cohort_id, item_key, state);
