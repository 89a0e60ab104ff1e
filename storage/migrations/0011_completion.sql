-- Completion of a course (bot/completion): recorded once per enrolment, the first time the
-- course's completion rules are met, and never taken back.
CREATE TABLE completions (
    cohort_id    INTEGER NOT NULL REFERENCES cohorts (id),
    user_id      INTEGER NOT NULL REFERENCES users (telegram_id),
    completed_at TEXT NOT NULL,        -- UTC
    -- Set once every on_completed hook (the certificate, say) has run without failing; NULL rows
    -- are taken up again at the delivery tick, so a crash or a failing hook only delays them.
    notified_at  TEXT,
    PRIMARY KEY (cohort_id, user_id)
) WITHOUT ROWID;
CREATE INDEX completions_unnotified ON completions (notified_at) WHERE notified_at IS NULL;

-- When a cohort was finished (by hand or N days after its last item).
ALTER TABLE cohorts ADD COLUMN finished_at TEXT;

-- A new delivery kind, 'completion': the learner is told she completed the course, written in
-- the transaction that records the completion. SQLite cannot change a CHECK in place, so the
-- table is copied (nothing references it). It keeps every kind 0008_broadcasts.sql allows.
CREATE TABLE deliveries_new (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    item_key    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lesson', 'homework', 'reminder', 'questionnaire',
                                              'questionnaire-reminder', 'homework-result',
                                              'review-digest', 'broadcast', 'review-post', 'completion')),
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
