-- People who have started the bot. Until a person consents, only telegram_id and language are
-- kept (and an invite code they opened, which is not personal data). Times are UTC, ISO 8601.
CREATE TABLE users (
    telegram_id     INTEGER PRIMARY KEY,
    language        TEXT CHECK (language IN ('kk', 'ru', 'en')),
    full_name       TEXT,
    region          TEXT,
    district        TEXT,
    library         TEXT,
    position        TEXT,
    settlement      TEXT CHECK (settlement IN ('rural', 'urban')),
    consent_at      TEXT,
    registered_at   TEXT,
    pending_payload TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE INDEX users_region ON users (region) WHERE registered_at IS NOT NULL;
