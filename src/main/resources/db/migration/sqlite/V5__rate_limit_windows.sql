-- Requests per client and minute on /auth/* (ratelimit.RateLimiter); windows of past minutes are deleted.
CREATE TABLE rate_limit_windows (
    client       TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    requests     INTEGER NOT NULL,
    PRIMARY KEY (client, window_start)
) WITHOUT ROWID;
CREATE INDEX rate_limit_windows_start ON rate_limit_windows (window_start);
