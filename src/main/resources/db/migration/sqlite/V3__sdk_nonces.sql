-- Nonces issued by POST /auth/nonce for native SDK sign-ins, as the lowercase hex SHA-256 of the value (the form an
-- SDK that hashes the nonce puts in its id_token). A row is deleted by the one sign-in that spends it.
CREATE TABLE sdk_nonces (
    hash       TEXT    PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sdk_nonces_expiry ON sdk_nonces (expires_at);
