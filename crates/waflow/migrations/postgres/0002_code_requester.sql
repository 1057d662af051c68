-- waflow::store: a one-time code remembers who asked for it (the SHA-256 of the requester, e.g. of
-- the flow token), so only that requester can discard it. '' for codes issued without one.
ALTER TABLE waflow_one_time_codes ADD COLUMN requester TEXT NOT NULL DEFAULT '';
