-- A login between its start and its callback: any instance can finish it (state, nonce, browser binding, app hand-off).
CREATE TABLE pending_logins (
    state_hash       TEXT    PRIMARY KEY,
    provider         TEXT    NOT NULL,
    nonce            TEXT,
    browser_hash     TEXT    NOT NULL,
    app_redirect_uri TEXT,
    code_challenge   TEXT,
    app_state        TEXT,
    expires_at       INTEGER NOT NULL
);
CREATE INDEX pending_logins_expiry ON pending_logins (expires_at);

-- A signed-in device. Deleting the row ends it: its access tokens (sid) and refresh tokens stop at once.
CREATE TABLE sessions (
    id         TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Every refresh token a session was given, as a SHA-256 hash; spent ones stay so that a reuse is recognised.
CREATE TABLE refresh_tokens (
    hash       TEXT    PRIMARY KEY,
    session_id TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  INTEGER NOT NULL,
    spent_at   INTEGER
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);
CREATE INDEX refresh_tokens_unspent ON refresh_tokens (issued_at) WHERE spent_at IS NULL;

-- The one-time codes of app sign-ins (RFC 6749 4.1, RFC 7636), as hashes; kept a while after use to spot a replay.
CREATE TABLE authorization_codes (
    hash           TEXT    PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_challenge TEXT    NOT NULL,
    redirect_uri   TEXT    NOT NULL,
    expires_at     INTEGER NOT NULL,
    redeemed_at    INTEGER,
    session_id     TEXT
);
CREATE INDEX authorization_codes_expiry ON authorization_codes (expires_at);
