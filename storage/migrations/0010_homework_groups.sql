-- Review groups: a cohort's Telegram group bound for homework review (cohort_groups, purpose
-- 'review', from 0009_quizzes.sql) receives each new submission of the cohort as a post: the
-- header, the parts re-sent by file_id, and the Accept / Return buttons. The post is a row of
-- ``deliveries`` (kind 'review-post', user_id the learner who handed the work in, variant
-- 'post-<submission id>'), written in the hand-in's transaction, so it goes out once through the
-- sender, paced to the group's 20 messages a minute; its message ids (the last one carries the
-- buttons) are what a decision edits.
--
-- A new delivery kind: SQLite cannot change a CHECK in place, so the table is copied (nothing
-- references it). It keeps every kind 0008_broadcasts.sql allows and adds 'review-post'.
CREATE TABLE deliveries_new (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    item_key    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lesson', 'homework', 'reminder', 'questionnaire',
                                              'questionnaire-reminder', 'homework-result',
                                              'review-digest', 'broadcast', 'review-post')),
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
