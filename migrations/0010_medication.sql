-- 0010: medication for opioid use disorder (and other prescriptions): what the
-- prescriber set, kept as written, and each dose as it was taken. Steady never
-- computes a dose; the schedule only says which days a dose is due.

CREATE TABLE medicines (
    id            INTEGER PRIMARY KEY,
    uid           TEXT UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('buprenorphine', 'buprenorphineInjection',
                      'methadone', 'naltrexoneInjection', 'other')),
    -- The person's own name for it (required for 'other').
    name          TEXT CHECK (length(name) <= 100),
    -- 'daily' at `time`, or every `every_days` days with the next one on `next_due`.
    schedule      TEXT NOT NULL CHECK (schedule IN ('daily', 'interval')),
    time          TEXT CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
    every_days    INTEGER CHECK (every_days BETWEEN 1 AND 366),
    next_due      TEXT CHECK (next_due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- The dose as the prescriber wrote it, never computed.
    dose          TEXT CHECK (length(dose) <= 200),
    -- The clinic or prescriber, one of the support people.
    contact_id    INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    pharmacy      TEXT CHECK (length(pharmacy) <= 200),
    refill_on     TEXT CHECK (refill_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    doses_left    INTEGER CHECK (doses_left BETWEEN 0 AND 10000),
    take_homes    INTEGER CHECK (take_homes BETWEEN 0 AND 1000),
    -- Missed days in a row (daily) or days late (interval) before Today says
    -- "call your clinic": the person's clinic's number, 2 and 1 by default.
    call_after    INTEGER NOT NULL CHECK (call_after BETWEEN 1 AND 60),
    started_on    TEXT NOT NULL CHECK (started_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    stopped_on    TEXT CHECK (stopped_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- Whether the stop was planned with the prescriber (asked when stopping).
    stop_planned  INTEGER CHECK (stop_planned IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (schedule = 'interval' OR time IS NOT NULL),
    CHECK (schedule = 'daily' OR (every_days IS NOT NULL AND next_due IS NOT NULL)),
    CHECK (kind <> 'other' OR name IS NOT NULL),
    CHECK (stopped_on IS NULL OR stopped_on >= started_on)
) STRICT;
CREATE TRIGGER medicines_uid AFTER INSERT ON medicines WHEN NEW.uid IS NULL BEGIN
    UPDATE medicines SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

-- One record per medicine and local day: taken (at home, from a take-home, or
-- observed at the clinic) or not taken that day. "Later" is no record yet.
CREATE TABLE doses (
    id            INTEGER PRIMARY KEY,
    uid           TEXT UNIQUE,
    medicine_id   INTEGER NOT NULL REFERENCES medicines (id) ON DELETE CASCADE,
    day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    status        TEXT NOT NULL CHECK (status IN ('taken', 'notTaken')),
    taken_at      TEXT,
    observed      INTEGER NOT NULL DEFAULT 0 CHECK (observed IN (0, 1)),
    take_home     INTEGER NOT NULL DEFAULT 0 CHECK (take_home IN (0, 1)),
    -- Logged on a later day than the one it is for.
    late          INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    note          TEXT CHECK (length(note) <= 500),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (medicine_id, day),
    CHECK (status = 'taken' OR (observed = 0 AND take_home = 0 AND taken_at IS NULL))
) STRICT;
CREATE TRIGGER doses_uid AFTER INSERT ON doses WHEN NEW.uid IS NULL BEGIN
    UPDATE doses SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE INDEX doses_by_day ON doses (day);
