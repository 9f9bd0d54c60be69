-- 0003: cravings and triggers. A craving event can also be a trigger met
-- without a craving (kind 'trigger', intensity optional).

CREATE TABLE triggers (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    category     TEXT CHECK (category IN ('emotions', 'physical', 'people', 'places',
                     'situations', 'isolation', 'stressfulEvent', 'other')),
    -- Archived triggers keep their history; they are only left out of choices.
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX triggers_active_name ON triggers (name COLLATE NOCASE)
    WHERE archived_at IS NULL;

CREATE TABLE cravings (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('craving', 'trigger')),
    occurred_at       TEXT NOT NULL,   -- UTC, RFC 3339
    day               TEXT NOT NULL    -- the local calendar day it happened on
                      CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    intensity         INTEGER CHECK (intensity BETWEEN 0 AND 10),
    hungry            INTEGER NOT NULL DEFAULT 0 CHECK (hungry IN (0, 1)),
    angry             INTEGER NOT NULL DEFAULT 0 CHECK (angry IN (0, 1)),
    lonely            INTEGER NOT NULL DEFAULT 0 CHECK (lonely IN (0, 1)),
    tired             INTEGER NOT NULL DEFAULT 0 CHECK (tired IN (0, 1)),
    note              TEXT CHECK (length(note) <= 2000),
    intensity_after   INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
    outcome           TEXT CHECK (outcome IN ('passed', 'stillHere', 'used')),
    duration_minutes  INTEGER CHECK (duration_minutes BETWEEN 0 AND 1440),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (kind = 'trigger' OR intensity IS NOT NULL)
) STRICT;
-- The Log lists newest first and pages on (occurred_at, id).
CREATE INDEX cravings_newest ON cravings (occurred_at DESC, id DESC);
CREATE INDEX cravings_by_outcome ON cravings (outcome, occurred_at DESC, id DESC);

CREATE TABLE craving_categories (
    craving_id  INTEGER NOT NULL REFERENCES cravings (id) ON DELETE CASCADE,
    category    TEXT NOT NULL CHECK (category IN ('emotions', 'physical', 'people', 'places',
                    'situations', 'isolation', 'stressfulEvent', 'other')),
    PRIMARY KEY (craving_id, category)
) STRICT, WITHOUT ROWID;
CREATE INDEX craving_categories_by_category ON craving_categories (category, craving_id);

CREATE TABLE craving_triggers (
    craving_id  INTEGER NOT NULL REFERENCES cravings (id) ON DELETE CASCADE,
    trigger_id  INTEGER NOT NULL REFERENCES triggers (id),
    PRIMARY KEY (craving_id, trigger_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX craving_triggers_by_trigger ON craving_triggers (trigger_id, craving_id);
