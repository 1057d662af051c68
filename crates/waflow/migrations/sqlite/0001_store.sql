-- waflow::store, SQLite dialect. Times are Unix milliseconds (BIGINT) so both dialects compare them
-- the same way; secrets (flow tokens, one-time codes) are stored as SHA-256 digests only.
CREATE TABLE waflow_flow_tokens (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    phone        TEXT NOT NULL,
    flow_id      TEXT NOT NULL,
    issued_at    BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    closed_at    BIGINT,
    close_reason TEXT
);
CREATE INDEX waflow_flow_tokens_phone ON waflow_flow_tokens (phone);

CREATE TABLE waflow_sessions (
    phone      TEXT PRIMARY KEY NOT NULL,
    subject    TEXT NOT NULL,
    opened_at  BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE waflow_deliveries (
    delivery_key TEXT PRIMARY KEY NOT NULL,
    received_at  BIGINT NOT NULL
);

CREATE TABLE waflow_attempts (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    scope   TEXT NOT NULL,
    subject TEXT NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX waflow_attempts_lookup ON waflow_attempts (scope, subject, at);

CREATE TABLE waflow_one_time_codes (
    scope      TEXT NOT NULL,
    subject    TEXT NOT NULL,
    salt       TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    tries_left INTEGER NOT NULL,
    PRIMARY KEY (scope, subject)
);
