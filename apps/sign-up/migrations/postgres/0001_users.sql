-- sign-up users, PostgreSQL dialect. `email` is stored normalised (trimmed, lowercase), so the UNIQUE
-- constraint is case-insensitive; times are Unix milliseconds.
CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    first_name    TEXT NOT NULL,
    last_name     TEXT NOT NULL,
    phone         TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX users_phone ON users (phone);
