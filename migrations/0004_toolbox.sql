-- 0004: the coping toolbox: built-in and own tools, each use with its ratings,
-- and the user's list of distractions.

CREATE TABLE tools (
    id          INTEGER PRIMARY KEY,
    -- The key of a built-in tool (its guide lives in the app); NULL for the user's own.
    builtin     TEXT UNIQUE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    minutes     INTEGER CHECK (minutes BETWEEN 1 AND 240),
    position    INTEGER NOT NULL,
    favourite   INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
    -- Hidden (built-in) or archived (own): left out of the toolbox, history kept.
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE tool_steps (
    tool_id   INTEGER NOT NULL REFERENCES tools (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
    PRIMARY KEY (tool_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE tool_uses (
    id          INTEGER PRIMARY KEY,
    tool_id     INTEGER NOT NULL REFERENCES tools (id),
    -- The craving this use was started from, if any.
    craving_id  INTEGER REFERENCES cravings (id) ON DELETE SET NULL,
    started_at  TEXT NOT NULL,
    seconds     INTEGER NOT NULL DEFAULT 0 CHECK (seconds BETWEEN 0 AND 86400),
    before      INTEGER CHECK (before BETWEEN 0 AND 10),
    after       INTEGER CHECK (after BETWEEN 0 AND 10),
    finished    INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),
    note        TEXT CHECK (length(note) <= 5000),
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX tool_uses_by_tool ON tool_uses (tool_id, started_at);
CREATE INDEX tool_uses_by_craving ON tool_uses (craving_id) WHERE craving_id IS NOT NULL;

CREATE TABLE distractions (
    id          INTEGER PRIMARY KEY,
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- The built-in tools, in their first order. Their words live in the app.
INSERT INTO tools (builtin, name, minutes, position, created_at, updated_at) VALUES
    ('breathing',        'Paced breathing',              3,    1, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ('urgeSurfing',      'Urge surfing',                 15,   2, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ('grounding',        'Grounding 5-4-3-2-1',          NULL, 3, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ('halt',             'HALT check',                   NULL, 4, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ('tapeForward',      'Play the tape forward',        NULL, 5, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ('delayDistract',    'Delay and distract',           15,   6, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ('callSomeone',      'Call someone',                 NULL, 7, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ('myReasons',        'My reasons',                   NULL, 8, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ('muscleRelaxation', 'Progressive muscle relaxation', 10,  9, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
