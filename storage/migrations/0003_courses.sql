-- Courses and their immutable versions. Importing a changed course.yaml adds a version and never
-- edits an old one: a cohort stays pinned to the version it started with. Times are UTC, ISO 8601.
CREATE TABLE courses (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE course_versions (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER NOT NULL REFERENCES courses (id),
    version      INTEGER NOT NULL CHECK (version >= 1),
    content_hash TEXT NOT NULL,   -- sha256 of content; files are in it by their own sha256
    content      TEXT NOT NULL,   -- the normalized course as JSON (bot/services/course_codec.py)
    source_path  TEXT NOT NULL,   -- where it was imported from, for people reading the table
    files_dir    TEXT NOT NULL,   -- its files are <files_dir>/<sha256>.<ext>, never edited
    imported_at  TEXT NOT NULL,
    UNIQUE (course_id, version)
);

-- What gets delivered, one row per lesson, quiz, homework and the questionnaire, keyed so the
-- key ("L3", "L3.quiz", "L3.hw", "Q") means the same thing in every version of a course.
-- Days count from the cohort's start (day 1 = start date); times are local to the cohort.
CREATE TABLE course_items (
    version_id    INTEGER NOT NULL REFERENCES course_versions (id),
    item_key      TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('lesson', 'quiz', 'homework', 'questionnaire')),
    position      INTEGER NOT NULL,          -- delivery order within the version
    lesson_number INTEGER,                   -- NULL for the questionnaire
    release_day   INTEGER NOT NULL,
    release_time  TEXT NOT NULL,             -- HH:MM
    due_day       INTEGER,                   -- homework due on a course day ...
    due_time      TEXT,                      -- ... at this local time, or
    due_hours     INTEGER,                   -- ... this many hours after release
    PRIMARY KEY (version_id, item_key)
) WITHOUT ROWID;

-- Content-addressed copies of course files, shared by every version that uses the same bytes.
-- telegram_file_id remembers Telegram's id after the first upload, so the bytes go up once.
CREATE TABLE course_files (
    sha256           TEXT PRIMARY KEY,
    extension        TEXT NOT NULL,
    size             INTEGER NOT NULL,
    stored_at        TEXT NOT NULL,
    telegram_file_id TEXT
) WITHOUT ROWID;
