-- 0007: what the Progress tab needs to stay quick on years of data.
-- The local hour a craving happened (for "time of day"), set when it is saved;
-- older rows keep NULL and are worked out when read.
ALTER TABLE cravings ADD COLUMN local_hour INTEGER CHECK (local_hour BETWEEN 0 AND 23);
-- Covers the counts by day, week, weekday and hour without touching the rows.
CREATE INDEX cravings_kind_day ON cravings (kind, day, local_hour);
CREATE INDEX tool_uses_by_start ON tool_uses (started_at, tool_id, before, after);
-- Each category row also carries its event's kind and day, so "what set them
-- off" is counted from one index. save_craving keeps them in step.
ALTER TABLE craving_categories ADD COLUMN kind TEXT;
ALTER TABLE craving_categories ADD COLUMN day TEXT;
UPDATE craving_categories SET
    kind = (SELECT kind FROM cravings WHERE cravings.id = craving_categories.craving_id),
    day = (SELECT day FROM cravings WHERE cravings.id = craving_categories.craving_id);
CREATE INDEX craving_categories_by_kind_day ON craving_categories (kind, day, category);
