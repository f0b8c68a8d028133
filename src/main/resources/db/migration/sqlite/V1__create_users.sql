CREATE TABLE users (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    provider             TEXT    NOT NULL,
    subject              TEXT    NOT NULL,
    email                TEXT    NOT NULL,
    email_verified       INTEGER,
    email_is_placeholder INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL,
    last_login_at        INTEGER NOT NULL,
    CONSTRAINT users_provider_subject UNIQUE (provider, subject)
);
