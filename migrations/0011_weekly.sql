-- 0011: the weekly warning-signs check. One check per local day (a second one
-- the same day replaces the first); each answer on a 0 (not at all) to 4 (a
-- lot) scale, a skipped question simply has no row. Steady's own questions,
-- not a validated instrument: they show the person's own trend.

CREATE TABLE weekly_checks (
    id          INTEGER PRIMARY KEY,
    uid         TEXT UNIQUE,
    day         TEXT NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE TRIGGER weekly_checks_uid AFTER INSERT ON weekly_checks WHEN NEW.uid IS NULL BEGIN
    UPDATE weekly_checks SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

CREATE TABLE weekly_answers (
    check_id    INTEGER NOT NULL REFERENCES weekly_checks (id) ON DELETE CASCADE,
    sign        TEXT NOT NULL CHECK (sign IN ('craving', 'sleep', 'mood', 'stress', 'places',
                    'oneUse', 'alone', 'skippedCare', 'pain', 'confident', 'support',
                    'meaning', 'selfHarm')),
    value       INTEGER NOT NULL CHECK (value BETWEEN 0 AND 4),
    PRIMARY KEY (check_id, sign)
) STRICT, WITHOUT ROWID;
