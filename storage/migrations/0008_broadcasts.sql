-- Broadcasts: an organizer's message to a cohort, or to the learners of it a filter picks.
-- Each recipient's copy is a row of ``deliveries`` (kind 'broadcast', item_key 'B<id>'), written
-- in the same transaction as the broadcast, so the sender delivers it like a lesson: crash-safe,
-- never twice (docs/delivery.md).
CREATE TABLE broadcasts (
    id            INTEGER PRIMARY KEY,
    cohort_id     INTEGER NOT NULL REFERENCES cohorts (id),
    created_by    INTEGER NOT NULL,    -- the organizer's Telegram id
    language      TEXT NOT NULL,       -- the organizer's, for the progress message and the report
    kind          TEXT NOT NULL CHECK (kind IN ('text', 'photo', 'document', 'video')),
    html          TEXT NOT NULL DEFAULT '',  -- the text or caption, Telegram HTML as the organizer wrote it
    file_id       TEXT,                -- photo, document, video: Telegram's file_id, sent again by it
    audience      TEXT NOT NULL DEFAULT '{}',  -- the filters, as JSON (bot.broadcasts.model.Audience)
    recipients    INTEGER NOT NULL,
    status        TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'done', 'cancelled')),
    progress_chat INTEGER,             -- the message edited as it goes ("sent 340 of 1,000")
    progress_message INTEGER,
    created_at    TEXT NOT NULL,
    finished_at   TEXT
);
CREATE INDEX broadcasts_running ON broadcasts (status) WHERE status = 'sending';

-- A new delivery kind, 'broadcast'. SQLite cannot change a CHECK in place, so the table is copied
-- (nothing references it). It keeps every kind 0006_homework.sql allows ('homework-result',
-- 'review-digest') and adds 'broadcast'.
CREATE TABLE deliveries_new (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    item_key    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lesson', 'homework', 'reminder', 'questionnaire',
                                              'questionnaire-reminder', 'homework-result',
                                              'review-digest', 'broadcast')),
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
-- The progress of one broadcast: its rows by state.
CREATE INDEX deliveries_by_item ON deliveries (cohort_id, item_key, state);
