-- Roles, cohorts and enrolments. Times are UTC, ISO 8601; a cohort's start is a local date.

-- Owners are ADMIN_IDS (settings, not stored); organizers and curators are granted by owners.
CREATE TABLE roles (
    user_id    INTEGER NOT NULL REFERENCES users (telegram_id),
    role       TEXT NOT NULL CHECK (role IN ('organizer', 'curator')),
    granted_by INTEGER NOT NULL,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- One run of a course: pinned to the course version it was opened with.
CREATE TABLE cohorts (
    id             INTEGER PRIMARY KEY,
    course_id      INTEGER NOT NULL REFERENCES courses (id),
    version_id     INTEGER NOT NULL REFERENCES course_versions (id),
    name           TEXT NOT NULL,
    start_date     TEXT NOT NULL,   -- YYYY-MM-DD in the cohort's time zone: day 1 of the course
    timezone       TEXT NOT NULL,   -- IANA name, Asia/Almaty by default
    enrol_until    TEXT,            -- UTC; NULL: open until closed by hand
    capacity       INTEGER CHECK (capacity IS NULL OR capacity > 0),
    invite_code    TEXT NOT NULL UNIQUE,
    enrolment_open INTEGER NOT NULL DEFAULT 1 CHECK (enrolment_open IN (0, 1)),
    status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'finished')),
    paused_at      TEXT,
    created_by     INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE cohort_curators (
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
    user_id   INTEGER NOT NULL REFERENCES users (telegram_id),
    PRIMARY KEY (cohort_id, user_id)
) WITHOUT ROWID;

-- A learner in a cohort. Rows are never deleted: leaving or removal ends them, so what was
-- delivered and submitted stays attached to a real enrolment.
CREATE TABLE enrolments (
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (telegram_id),
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left', 'removed')),
    enrolled_at TEXT NOT NULL,
    ended_at    TEXT,
    PRIMARY KEY (cohort_id, user_id)
) WITHOUT ROWID;

CREATE INDEX enrolments_by_user ON enrolments (user_id, status);
