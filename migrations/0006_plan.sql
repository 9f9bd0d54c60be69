-- 0006: the prevention plan (its sections follow the seven strategies) and
-- support contacts.

CREATE TABLE plan_items (
    id           INTEGER PRIMARY KEY,
    section      TEXT NOT NULL CHECK (section IN ('reasons', 'triggers', 'coping', 'avoid',
                     'pain', 'selfCare', 'treatment', 'goals', 'lapse')),
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    -- What sort of item within its section (e.g. avoid: people, places, situations).
    kind         TEXT,
    -- A trigger from the user's list (triggers section); the text stays if it goes.
    trigger_id   INTEGER REFERENCES triggers (id) ON DELETE SET NULL,
    -- A toolbox tool (coping section); the text stays if it goes.
    tool_id      INTEGER REFERENCES tools (id) ON DELETE SET NULL,
    -- A second line: a target, when and where, a dose and schedule.
    detail       TEXT CHECK (length(detail) <= 2000),
    -- A goal's target date, or the naloxone's expiry date.
    date         TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    status       TEXT CHECK (status IN ('workingOnIt', 'reached', 'setAside')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX plan_items_by_section ON plan_items (section, position);

-- "If ..., then I will ..." steps for a trigger or warning sign.
CREATE TABLE plan_if_then (
    item_id   INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    if_text   TEXT NOT NULL CHECK (length(if_text) BETWEEN 1 AND 2000),
    then_text TEXT NOT NULL CHECK (length(then_text) BETWEEN 1 AND 2000),
    PRIMARY KEY (item_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role        TEXT NOT NULL CHECK (role IN ('sponsor', 'counselor', 'prescriber', 'family',
                    'friend', 'supportGroup', 'other')),
    phone       TEXT NOT NULL CHECK (length(phone) BETWEEN 1 AND 40),
    ok_to_text  INTEGER NOT NULL DEFAULT 0 CHECK (ok_to_text IN (0, 1)),
    notes       TEXT CHECK (length(notes) <= 2000),
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
