-- The questionnaire and the self-assessment (bot/surveys). Dates, not times, where a time could
-- tell who answered.

-- A form being filled in, one per person and form, kept answer by answer so a restart loses
-- nothing. Deleted in the transaction that submits it: nothing of an anonymous answer stays
-- next to a person.
CREATE TABLE survey_drafts (
    cohort_id  INTEGER NOT NULL REFERENCES cohorts (id),
    user_id    INTEGER NOT NULL REFERENCES users (telegram_id),
    form       TEXT NOT NULL CHECK (form IN ('questionnaire', 'before')),
    answers    TEXT NOT NULL DEFAULT '{}',  -- JSON: step id -> answer (null: skipped)
    position   INTEGER NOT NULL DEFAULT 0,  -- the step shown; the number of steps: the check screen
    message_id INTEGER,                     -- the message edited in place
    updated_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, user_id, form)
) WITHOUT ROWID;

-- A submitted questionnaire. For an anonymous one user_id is NULL; the key is random and the
-- table has no rowid, so the rows' order says nothing about who came when; only the date is kept.
CREATE TABLE survey_responses (
    id          TEXT PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    item_key    TEXT NOT NULL,             -- "Q"
    user_id     INTEGER REFERENCES users (telegram_id),  -- a named questionnaire only
    answered_on TEXT NOT NULL,             -- YYYY-MM-DD, UTC
    answers     TEXT NOT NULL              -- JSON: item id -> answer (null: skipped)
) WITHOUT ROWID;

CREATE INDEX survey_responses_by_cohort ON survey_responses (cohort_id, item_key);

-- Who has answered (stops the reminders, counts for completion); nothing links it to the
-- response.
CREATE TABLE survey_answered (
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    item_key    TEXT NOT NULL,
    answered_on TEXT NOT NULL,             -- YYYY-MM-DD, UTC
    PRIMARY KEY (cohort_id, user_id, item_key)
) WITHOUT ROWID;

-- The self-assessment, before and after: named (the learner is told so).
CREATE TABLE self_assessments (
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    phase       TEXT NOT NULL CHECK (phase IN ('before', 'after')),
    ratings     TEXT NOT NULL,             -- JSON: statement id ("s1") -> 1..5 (null: skipped)
    answered_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, user_id, phase)
) WITHOUT ROWID;
