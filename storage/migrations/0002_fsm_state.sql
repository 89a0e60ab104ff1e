-- Conversation state (aiogram FSM) kept on disk, so a restart in the middle of a form lets
-- the person go on where they were. Also a username column on users, for organizers who
-- grant roles by @username (stored only once the person has consented).
CREATE TABLE fsm_state (
    storage_key TEXT PRIMARY KEY,
    state       TEXT,
    data        TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL
);

ALTER TABLE users ADD COLUMN username TEXT;
CREATE INDEX users_username ON users (lower(username)) WHERE username IS NOT NULL;
