-- Stable ids: every record gets a uid that travels with it in an export, so
-- an import never duplicates a record that is already here. Built-in tools
-- share one uid everywhere ('builtin:<name>'). New rows get theirs from a trigger
-- (ALTER TABLE cannot add a column with a random default).

ALTER TABLE checkins ADD COLUMN uid TEXT;
UPDATE checkins SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX checkins_uid ON checkins (uid);
CREATE TRIGGER checkins_uid AFTER INSERT ON checkins WHEN NEW.uid IS NULL BEGIN
    UPDATE checkins SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE triggers ADD COLUMN uid TEXT;
UPDATE triggers SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX triggers_uid ON triggers (uid);
CREATE TRIGGER triggers_uid AFTER INSERT ON triggers WHEN NEW.uid IS NULL BEGIN
    UPDATE triggers SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE cravings ADD COLUMN uid TEXT;
UPDATE cravings SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX cravings_uid ON cravings (uid);
CREATE TRIGGER cravings_uid AFTER INSERT ON cravings WHEN NEW.uid IS NULL BEGIN
    UPDATE cravings SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE tools ADD COLUMN uid TEXT;
UPDATE tools SET uid = CASE WHEN builtin IS NOT NULL THEN 'builtin:' || builtin
                       ELSE lower(hex(randomblob(16))) END;
CREATE UNIQUE INDEX tools_uid ON tools (uid);
CREATE TRIGGER tools_uid AFTER INSERT ON tools WHEN NEW.uid IS NULL BEGIN
    UPDATE tools SET uid = CASE WHEN NEW.builtin IS NOT NULL THEN 'builtin:' || NEW.builtin
                              ELSE lower(hex(randomblob(16))) END WHERE id = NEW.id;
END;

ALTER TABLE tool_uses ADD COLUMN uid TEXT;
UPDATE tool_uses SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX tool_uses_uid ON tool_uses (uid);
CREATE TRIGGER tool_uses_uid AFTER INSERT ON tool_uses WHEN NEW.uid IS NULL BEGIN
    UPDATE tool_uses SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE distractions ADD COLUMN uid TEXT;
UPDATE distractions SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX distractions_uid ON distractions (uid);
CREATE TRIGGER distractions_uid AFTER INSERT ON distractions WHEN NEW.uid IS NULL BEGIN
    UPDATE distractions SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE lapses ADD COLUMN uid TEXT;
UPDATE lapses SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX lapses_uid ON lapses (uid);
CREATE TRIGGER lapses_uid AFTER INSERT ON lapses WHEN NEW.uid IS NULL BEGIN
    UPDATE lapses SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE plan_items ADD COLUMN uid TEXT;
UPDATE plan_items SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX plan_items_uid ON plan_items (uid);
CREATE TRIGGER plan_items_uid AFTER INSERT ON plan_items WHEN NEW.uid IS NULL BEGIN
    UPDATE plan_items SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE contacts ADD COLUMN uid TEXT;
UPDATE contacts SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX contacts_uid ON contacts (uid);
CREATE TRIGGER contacts_uid AFTER INSERT ON contacts WHEN NEW.uid IS NULL BEGIN
    UPDATE contacts SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

ALTER TABLE reminders ADD COLUMN uid TEXT;
UPDATE reminders SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX reminders_uid ON reminders (uid);
CREATE TRIGGER reminders_uid AFTER INSERT ON reminders WHEN NEW.uid IS NULL BEGIN
    UPDATE reminders SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
