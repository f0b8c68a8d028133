CREATE TABLE users (
    id                   BIGSERIAL PRIMARY KEY,
    provider             TEXT    NOT NULL,
    subject              TEXT    NOT NULL,
    email                TEXT    NOT NULL,
    email_verified       BOOLEAN,
    email_is_placeholder BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           BIGINT  NOT NULL,
    last_login_at        BIGINT  NOT NULL,
    CONSTRAINT users_provider_subject UNIQUE (provider, subject)
);
