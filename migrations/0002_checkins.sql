-- 0002: the daily check-in, at most one per local calendar day, and its drafts.

CREATE TABLE checkins (
    id                INTEGER PRIMARY KEY,
    -- The user's local calendar day (YYYY-MM-DD). It never moves with time zones.
    day               TEXT NOT NULL UNIQUE
                      CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    mood              INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
    craving           INTEGER NOT NULL CHECK (craving BETWEEN 0 AND 10),
    hungry            INTEGER NOT NULL DEFAULT 0 CHECK (hungry IN (0, 1)),
    angry             INTEGER NOT NULL DEFAULT 0 CHECK (angry IN (0, 1)),
    lonely            INTEGER NOT NULL DEFAULT 0 CHECK (lonely IN (0, 1)),
    tired             INTEGER NOT NULL DEFAULT 0 CHECK (tired IN (0, 1)),
    -- Optional answers: NULL means "not answered", never 0.
    stress            INTEGER CHECK (stress BETWEEN 0 AND 10),
    pain              INTEGER CHECK (pain BETWEEN 0 AND 10),
    sleep_half_hours  INTEGER CHECK (sleep_half_hours BETWEEN 0 AND 48),
    sleep_quality     INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),
    used_opioids      INTEGER CHECK (used_opioids IN (0, 1)),
    medication        TEXT CHECK (medication IN ('yes', 'no', 'notOnMedication')),
    good_thing        TEXT CHECK (length(good_thing) <= 280),
    note              TEXT CHECK (length(note) <= 5000),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

-- The several-choice answers (treatment and support, self-care), one row each.
CREATE TABLE checkin_choices (
    checkin_id  INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    question    TEXT NOT NULL CHECK (question IN ('support', 'selfCare')),
    choice      TEXT NOT NULL,
    PRIMARY KEY (checkin_id, question, choice)
) STRICT, WITHOUT ROWID;

-- What the user has entered but not saved yet, one per day, as typed (JSON).
CREATE TABLE checkin_drafts (
    day         TEXT PRIMARY KEY NOT NULL
                CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    body        TEXT NOT NULL CHECK (json_valid(body) AND length(body) <= 100000),
    updated_at  TEXT NOT NULL
) STRICT;
