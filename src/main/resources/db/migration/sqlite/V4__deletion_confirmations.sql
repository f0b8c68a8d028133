-- Receipts of deletions that Meta asked for (its data deletion callback), so that the status URL answers after a
-- restart and on every instance. Nothing about the person: a random code, when, and what became of the request.
CREATE TABLE deletion_confirmations (
    code       TEXT    PRIMARY KEY,
    status     TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
