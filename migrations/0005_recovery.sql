-- 0005: lapses, kept as events with an optional reflection. Never a reset:
-- the counters are computed from these and from check-ins and cravings that
-- say "used", and no history is ever removed to make a number look better.

CREATE TABLE lapses (
    id            INTEGER PRIMARY KEY,
    day           TEXT NOT NULL
                  CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- The craving event that ended with "I used", when the lapse came from one.
    craving_id    INTEGER REFERENCES cravings (id) ON DELETE SET NULL,
    what_happened TEXT CHECK (length(what_happened) <= 2000),
    next_time     TEXT CHECK (length(next_time) <= 2000),
    note          TEXT CHECK (length(note) <= 2000),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX lapses_by_day ON lapses (day);

CREATE TABLE lapse_triggers (
    lapse_id    INTEGER NOT NULL REFERENCES lapses (id) ON DELETE CASCADE,
    trigger_id  INTEGER NOT NULL REFERENCES triggers (id),
    PRIMARY KEY (lapse_id, trigger_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX checkins_used ON checkins (day) WHERE used_opioids = 1;
CREATE INDEX cravings_used ON cravings (day) WHERE outcome = 'used';
