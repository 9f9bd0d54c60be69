-- 0001: the first schema. Released migrations are never edited; add a new file instead.

-- Small key/value store for the user's settings (theme, emergency number, ...).
-- Values are validated by steady-core before they are written.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
