-- Scheduled delivery: what each learner gets, when, and what became of it. Times are UTC, ISO 8601.
-- These tables, not the scheduler, are the one source of truth for what is due (docs/delivery.md).

-- Set when Telegram answered 403 or the person blocked the bot (my_chat_member "kicked");
-- cleared when they unblock it. NULL: reachable.
ALTER TABLE users ADD COLUMN blocked_at TEXT;

-- One row per learner per deliverable: a lesson's materials, a homework prompt, each deadline
-- reminder, the questionnaire invitation and its reminders, and every "send it again" a learner
-- asks for. State machine:
--   planned -> sending -> sent | unreachable | failed       (sending -> planned: a transient error,
--   planned -> cancelled                                      or a restart after a stop mid-send)
--   unreachable -> planned                                   (the learner unblocked the bot)
CREATE TABLE deliveries (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    item_key    TEXT NOT NULL,      -- the course item: "L3", "L3.hw", "Q"
    kind        TEXT NOT NULL CHECK (kind IN ('lesson', 'homework', 'reminder', 'questionnaire',
                                              'questionnaire-reminder')),
    variant     TEXT NOT NULL DEFAULT '',   -- reminders: "24" (hours); resends: "again-2"
    position    INTEGER NOT NULL DEFAULT 0, -- order among rows due at the same moment
    due_at      TEXT NOT NULL,      -- not before this moment (quiet hours, pauses, retries move it)
    expires_at  TEXT,               -- reminders: the deadline; never sent after it
    urgent      INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),  -- asked for by the learner
    state       TEXT NOT NULL DEFAULT 'planned'
                CHECK (state IN ('planned', 'sending', 'sent', 'unreachable', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,  -- times it was taken for sending
    parts_done  INTEGER NOT NULL DEFAULT 0,  -- messages of it already sent (a lesson has several)
    message_ids TEXT NOT NULL DEFAULT '',    -- Telegram message ids of those, comma-separated
    reason      TEXT,               -- why failed, unreachable or cancelled; or the last transient error
    planned_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    sent_at     TEXT,
    UNIQUE (cohort_id, user_id, item_key, kind, variant)
);

-- The dispatcher's question "what is due?" reads only this small index.
CREATE INDEX deliveries_due ON deliveries (due_at) WHERE state = 'planned';
CREATE INDEX deliveries_by_user ON deliveries (user_id, state);

-- Which enrolment has been planned. enrolled_at is the enrolment's own: a learner who leaves and
-- joins again has a new one and is planned again (rows already sent stay sent).
CREATE TABLE delivery_plans (
    cohort_id   INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    enrolled_at TEXT NOT NULL,
    planned_at  TEXT NOT NULL,
    PRIMARY KEY (cohort_id, user_id),
    FOREIGN KEY (cohort_id, user_id) REFERENCES enrolments (cohort_id, user_id)
) WITHOUT ROWID;

-- How far a cohort's calendar has moved: days added on each "resume and shift the calendar".
-- Course day N of the cohort falls on start_date + N - 1 + shift_days.
CREATE TABLE delivery_calendars (
    cohort_id  INTEGER PRIMARY KEY REFERENCES cohorts (id),
    shift_days INTEGER NOT NULL DEFAULT 0 CHECK (shift_days >= 0)
);
