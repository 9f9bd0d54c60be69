-- 0008: reminders. All local: the app itself shows them; nothing is scheduled
-- anywhere else.
CREATE TABLE reminders (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('checkin', 'medication', 'appointment')),
    label       TEXT CHECK (length(label) <= 100),
    time        TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
    -- Days of the week as digits 1 (Monday) to 7 (Sunday), e.g. '135'.
    days        TEXT NOT NULL CHECK (length(days) BETWEEN 1 AND 7),
    enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
