-- 0012: a check-in's craving answer may be missing. History brought in from a
-- mood app has a mood and notes but never a craving; a check-in made in Steady
-- still asks for it (the core's validation). SQLite can't drop a NOT NULL in
-- place, so the table is made again and filled from the old one, columns in
-- the same order. Its several-choice answers are kept aside meanwhile: dropping
-- the old table deletes them through their ON DELETE CASCADE.

CREATE TEMP TABLE checkin_choices_kept AS SELECT * FROM checkin_choices;

CREATE TABLE checkins_new (
    id                INTEGER PRIMARY KEY,
    day               TEXT NOT NULL UNIQUE
                      CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    mood              INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
    -- NULL: not recorded (an imported day); never 0.
    craving           INTEGER CHECK (craving BETWEEN 0 AND 10),
    hungry            INTEGER NOT NULL DEFAULT 0 CHECK (hungry IN (0, 1)),
    angry             INTEGER NOT NULL DEFAULT 0 CHECK (angry IN (0, 1)),
    lonely            INTEGER NOT NULL DEFAULT 0 CHECK (lonely IN (0, 1)),
    tired             INTEGER NOT NULL DEFAULT 0 CHECK (tired IN (0, 1)),
    stress            INTEGER CHECK (stress BETWEEN 0 AND 10),
    pain              INTEGER CHECK (pain BETWEEN 0 AND 10),
    sleep_half_hours  INTEGER CHECK (sleep_half_hours BETWEEN 0 AND 48),
    sleep_quality     INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),
    used_opioids      INTEGER CHECK (used_opioids IN (0, 1)),
    medication        TEXT CHECK (medication IN ('yes', 'no', 'notOnMedication')),
    good_thing        TEXT CHECK (length(good_thing) <= 280),
    note              TEXT CHECK (length(note) <= 5000),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    uid               TEXT
) STRICT;
INSERT INTO checkins_new SELECT id, day, mood, craving, hungry, angry, lonely, tired, stress,
    pain, sleep_half_hours, sleep_quality, used_opioids, medication, good_thing, note,
    created_at, updated_at, uid FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_new RENAME TO checkins;
CREATE INDEX checkins_used ON checkins (day) WHERE used_opioids = 1;
CREATE UNIQUE INDEX checkins_uid ON checkins (uid);
CREATE TRIGGER checkins_uid AFTER INSERT ON checkins WHEN NEW.uid IS NULL BEGIN
    UPDATE checkins SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

INSERT INTO checkin_choices SELECT * FROM checkin_choices_kept;
DROP TABLE checkin_choices_kept;
