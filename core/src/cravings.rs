//! Craving events: a craving (with its strength) or a trigger met without one.
//! The craving loop saves the event at its first step and updates it after.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};
use serde::{Deserialize, Serialize};

use crate::checkins::Halt;
use crate::choices::{Choice, choice};
use crate::day::{LocalZone, format_day, format_instant, parse_day, parse_instant};
use crate::error::{Error, Result};
use crate::number::optional_whole;
use crate::store::Dao;
use crate::text::{optional_text, reject_nul};
use crate::triggers::{Category, check_category};

pub const CRAVING_NOTE_MAX_CHARS: usize = 2000;

choice! {
    /// A craving (its strength required) or a trigger met without one.
    pub enum CravingKind {
        Craving = "craving",
        Trigger = "trigger",
    }
}

choice! {
    /// How a craving ended.
    pub enum Outcome {
        Passed = "passed",
        StillHere = "stillHere",
        Used = "used",
    }
}

const KIND_PROBLEM: &str = "Choose a craving or a trigger.";
const OUTCOME_PROBLEM: &str = "Choose how it ended.";
/// How far back an event can be dated.
pub const CRAVING_MAX_AGE_DAYS: i64 = 3650;
/// Clocks differ a little; a time this far ahead still counts as now.
const FUTURE_SLACK_SECONDS: i64 = 120;
pub const PAGE_MAX: u32 = 200;

fn default_kind() -> String {
    "craving".into()
}

/// A craving event as the user entered it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CravingInput {
    /// `craving` (intensity required) or `trigger` (met a trigger, intensity optional).
    #[serde(default = "default_kind")]
    #[cfg_attr(feature = "ts", ts(as = "CravingKind"))]
    pub kind: String,
    /// When it happened (RFC 3339); now when absent.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub occurred_at: Option<String>,
    pub intensity: Option<f64>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Vec<Category>"))]
    pub categories: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub trigger_ids: Vec<i64>,
    #[serde(default)]
    pub hungry: bool,
    #[serde(default)]
    pub angry: bool,
    #[serde(default)]
    pub lonely: bool,
    #[serde(default)]
    pub tired: bool,
    pub note: Option<String>,
    pub intensity_after: Option<f64>,
    #[cfg_attr(feature = "ts", ts(as = "Option<Outcome>"))]
    pub outcome: Option<String>,
    pub duration_minutes: Option<f64>,
}

/// A trigger as named on an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TriggerRef {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    pub archived: bool,
}

/// A saved craving event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Craving {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub kind: CravingKind,
    pub occurred_at: String,
    pub day: String,
    pub intensity: Option<u8>,
    pub categories: Vec<Category>,
    pub triggers: Vec<TriggerRef>,
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
    pub note: Option<String>,
    pub intensity_after: Option<u8>,
    pub outcome: Option<Outcome>,
    pub duration_minutes: Option<u16>,
    /// The coping tools used for this craving (from the toolbox's recorded uses).
    pub tools_used: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the Log tab can narrow the list to. Empty means everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CravingFilter {
    /// Events with any of these categories.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<Category>>", optional))]
    pub categories: Vec<String>,
    #[cfg_attr(feature = "ts", ts(type = "number | null", optional))]
    pub trigger_id: Option<i64>,
    #[cfg_attr(feature = "ts", ts(as = "Option<Outcome>", optional = nullable))]
    pub outcome: Option<String>,
    #[cfg_attr(feature = "ts", ts(as = "Option<CravingKind>", optional = nullable))]
    pub kind: Option<String>,
    /// First and last local day, inclusive.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub from: Option<String>,
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub to: Option<String>,
    /// Words to find in the note.
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub search: Option<String>,
}

/// Where a page ends; pass it back for the next (older) page. Stable while new
/// events arrive, since it names a position, not an offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PageCursor {
    pub occurred_at: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CravingPage {
    pub items: Vec<Craving>,
    pub next: Option<PageCursor>,
}

struct Valid {
    kind: CravingKind,
    occurred_at: DateTime<Utc>,
    intensity: Option<u8>,
    categories: Vec<Category>,
    trigger_ids: Vec<i64>,
    halt: Halt,
    note: Option<String>,
    intensity_after: Option<u8>,
    outcome: Option<Outcome>,
    duration_minutes: Option<u16>,
}

/// A 0-10 rating, unanswered allowed.
fn rating(field: &'static str, value: Option<f64>) -> Result<Option<u8>> {
    optional_whole(field, value, 0, 10)
}

impl CravingInput {
    fn validate(&self, dao: &Dao<'_>, now: DateTime<Utc>) -> Result<Valid> {
        let kind = CravingKind::parse("kind", &self.kind, KIND_PROBLEM)?;
        let occurred_at = match self.occurred_at.as_deref() {
            None => now,
            Some(t) => parse_instant("occurredAt", t)?,
        };
        if occurred_at > now + Duration::seconds(FUTURE_SLACK_SECONDS) {
            return Err(Error::validation(
                "occurredAt",
                "That time hasn't happened yet.",
            ));
        }
        if occurred_at < now - Duration::days(CRAVING_MAX_AGE_DAYS) {
            return Err(Error::validation(
                "occurredAt",
                "That is more than ten years ago. Check the date.",
            ));
        }
        let intensity = rating("intensity", self.intensity)?;
        if kind == CravingKind::Craving && intensity.is_none() {
            return Err(Error::validation(
                "intensity",
                "How strong is it? Choose 0 to 10.",
            ));
        }
        let mut categories: Vec<Category> = Vec::new();
        for c in &self.categories {
            let c = check_category("categories", c)?;
            if !categories.contains(&c) {
                categories.push(c);
            }
        }
        categories.sort_by_key(|c| c.position());
        let mut trigger_ids: Vec<i64> = Vec::new();
        for id in &self.trigger_ids {
            let exists = dao
                .conn()
                .query_row("SELECT 1 FROM triggers WHERE id = ?1", [id], |_| Ok(()))
                .optional()?
                .is_some();
            if !exists {
                return Err(Error::validation(
                    "triggerIds",
                    "One of those triggers isn't in your list any more.",
                ));
            }
            if !trigger_ids.contains(id) {
                trigger_ids.push(*id);
            }
        }
        let outcome = self
            .outcome
            .as_deref()
            .map(|o| Outcome::parse("outcome", o, OUTCOME_PROBLEM))
            .transpose()?;
        let duration_minutes = match self.duration_minutes {
            None => None,
            Some(m) if m.is_finite() && m.fract() == 0.0 && (0.0..=1440.0).contains(&m) => {
                Some(m as u16)
            }
            Some(_) => {
                return Err(Error::validation(
                    "durationMinutes",
                    "Use whole minutes, at most 1440 (a day).",
                ));
            }
        };
        Ok(Valid {
            kind,
            occurred_at,
            intensity,
            categories,
            trigger_ids,
            halt: Halt {
                hungry: self.hungry,
                angry: self.angry,
                lonely: self.lonely,
                tired: self.tired,
            },
            note: optional_text("note", self.note.as_deref(), CRAVING_NOTE_MAX_CHARS)?,
            intensity_after: rating("intensityAfter", self.intensity_after)?,
            outcome,
            duration_minutes,
        })
    }
}

const CRAVING_SELECT: &str = "SELECT c.id, c.kind, c.occurred_at, c.day, c.intensity, c.hungry,
        c.angry, c.lonely, c.tired, c.note, c.intensity_after, c.outcome, c.duration_minutes,
        c.created_at, c.updated_at,
        (SELECT group_concat(category) FROM craving_categories WHERE craving_id = c.id) AS cats,
        (SELECT group_concat(trigger_id) FROM craving_triggers WHERE craving_id = c.id) AS trig,
        (SELECT json_group_array(name) FROM (SELECT DISTINCT t.name FROM tool_uses u
             JOIN tools t ON t.id = u.tool_id WHERE u.craving_id = c.id ORDER BY t.name)) AS tools_used
     FROM cravings c";

struct RawCraving {
    craving: Craving,
    trigger_ids: Vec<i64>,
}

fn craving_from_row(row: &Row<'_>) -> rusqlite::Result<RawCraving> {
    let cats: Option<String> = row.get("cats")?;
    let trig: Option<String> = row.get("trig")?;
    let mut categories: Vec<Category> = cats
        .map(|c| c.split(',').filter_map(Category::from_word).collect())
        .unwrap_or_default();
    categories.sort_by_key(|c| c.position());
    let tools_json: Option<String> = row.get("tools_used")?;
    let tools_used: Vec<String> = tools_json
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default();
    let trigger_ids = trig
        .map(|t| t.split(',').filter_map(|id| id.parse().ok()).collect())
        .unwrap_or_default();
    Ok(RawCraving {
        trigger_ids,
        craving: Craving {
            id: row.get("id")?,
            kind: row.get("kind")?,
            occurred_at: row.get("occurred_at")?,
            day: row.get("day")?,
            intensity: row.get("intensity")?,
            categories,
            triggers: Vec::new(),
            hungry: row.get("hungry")?,
            angry: row.get("angry")?,
            lonely: row.get("lonely")?,
            tired: row.get("tired")?,
            note: row.get("note")?,
            intensity_after: row.get("intensity_after")?,
            outcome: row.get("outcome")?,
            duration_minutes: row.get("duration_minutes")?,
            tools_used,
            created_at: row.get("created_at")?,
            updated_at: row.get("updated_at")?,
        },
    })
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
fn like_pattern(words: &str) -> String {
    let mut out = String::with_capacity(words.len() + 2);
    out.push('%');
    for c in words.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

impl Dao<'_> {
    fn name_triggers(&self, raw: Vec<RawCraving>) -> Result<Vec<Craving>> {
        let needed = raw.iter().any(|r| !r.trigger_ids.is_empty());
        // Names only (no use counts): this runs for every page of the Log.
        let names: HashMap<i64, (String, bool)> = if needed {
            let mut stmt = self
                .conn()
                .prepare_cached("SELECT id, name, archived_at IS NOT NULL FROM triggers")?;
            stmt.query_map([], |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))))?
                .collect::<rusqlite::Result<_>>()?
        } else {
            HashMap::new()
        };
        Ok(raw
            .into_iter()
            .map(|r| {
                let mut c = r.craving;
                c.triggers = r
                    .trigger_ids
                    .into_iter()
                    .filter_map(|id| {
                        names.get(&id).map(|(name, archived)| TriggerRef {
                            id,
                            name: name.clone(),
                            archived: *archived,
                        })
                    })
                    .collect();
                c.triggers.sort_by_key(|t| t.name.to_lowercase());
                c
            })
            .collect())
    }

    pub fn craving(&self, id: i64) -> Result<Craving> {
        let raw = self
            .conn()
            .query_row(
                &format!("{CRAVING_SELECT} WHERE c.id = ?1"),
                [id],
                craving_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no craving {id}")))?;
        Ok(self.name_triggers(vec![raw])?.remove(0))
    }

    /// Saves a craving event: a new one when `id` is `None`, else replaces the
    /// answers of event `id` (its creation time stays).
    pub fn save_craving(
        &self,
        id: Option<i64>,
        input: &CravingInput,
        now: DateTime<Utc>,
        zone: &dyn LocalZone,
    ) -> Result<Craving> {
        let v = input.validate(self, now)?;
        let occurred_at = format_instant(v.occurred_at);
        let local = zone.local_time(v.occurred_at);
        let day = format_day(local.date());
        let local_hour = chrono::Timelike::hour(&local.time());
        let stamp = format_instant(now);
        let fields = params![
            v.kind,
            occurred_at,
            day,
            v.intensity,
            v.halt.hungry,
            v.halt.angry,
            v.halt.lonely,
            v.halt.tired,
            v.note,
            v.intensity_after,
            v.outcome,
            v.duration_minutes,
            stamp,
            local_hour,
        ];
        let id = match id {
            None => {
                self.conn().execute(
                    "INSERT INTO cravings (kind, occurred_at, day, intensity, hungry, angry, lonely,
                         tired, note, intensity_after, outcome, duration_minutes, created_at, updated_at,
                         local_hour)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
                    fields,
                )?;
                self.conn().last_insert_rowid()
            }
            Some(id) => {
                // The same values as the insert, with the id last.
                let mut values: Vec<&dyn rusqlite::ToSql> = fields.to_vec();
                values.push(&id);
                let changed = self.conn().execute(
                    "UPDATE cravings SET kind = ?1, occurred_at = ?2, day = ?3, intensity = ?4,
                         hungry = ?5, angry = ?6, lonely = ?7, tired = ?8, note = ?9,
                         intensity_after = ?10, outcome = ?11, duration_minutes = ?12,
                         updated_at = ?13, local_hour = ?14
                     WHERE id = ?15",
                    values.as_slice(),
                )?;
                if changed == 0 {
                    return Err(Error::NotFound(format!("no craving {id}")));
                }
                self.conn()
                    .execute("DELETE FROM craving_categories WHERE craving_id = ?1", [id])?;
                self.conn()
                    .execute("DELETE FROM craving_triggers WHERE craving_id = ?1", [id])?;
                id
            }
        };
        let mut add_category = self.conn().prepare_cached(
            "INSERT INTO craving_categories (craving_id, category, kind, day) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for c in &v.categories {
            add_category.execute(params![id, c, v.kind, day])?;
        }
        let mut add_trigger = self.conn().prepare_cached(
            "INSERT INTO craving_triggers (craving_id, trigger_id) VALUES (?1, ?2)",
        )?;
        for t in &v.trigger_ids {
            add_trigger.execute(params![id, t])?;
        }
        self.craving(id)
    }

    pub fn delete_craving(&self, id: i64) -> Result<()> {
        if self
            .conn()
            .execute("DELETE FROM cravings WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(format!("no craving {id}")));
        }
        Ok(())
    }

    /// A page of events, newest first, narrowed by `filter`, starting after
    /// `after` (a cursor from the previous page).
    pub fn list_cravings(
        &self,
        filter: &CravingFilter,
        after: Option<&PageCursor>,
        limit: u32,
    ) -> Result<CravingPage> {
        if !(1..=PAGE_MAX).contains(&limit) {
            return Err(Error::validation(
                "limit",
                format!("Ask for 1 to {PAGE_MAX} at a time."),
            ));
        }
        let mut clauses: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let mut arg = |v: Value| {
            args.push(v);
            format!("?{}", args.len())
        };
        if !filter.categories.is_empty() {
            let mut marks = Vec::new();
            for c in &filter.categories {
                let c = check_category("categories", c)?;
                marks.push(arg(Value::Text(c.word().into())));
            }
            clauses.push(format!(
                "c.id IN (SELECT craving_id FROM craving_categories WHERE category IN ({}))",
                marks.join(", ")
            ));
        }
        if let Some(t) = filter.trigger_id {
            let m = arg(Value::Integer(t));
            clauses.push(format!(
                "c.id IN (SELECT craving_id FROM craving_triggers WHERE trigger_id = {m})"
            ));
        }
        if let Some(o) = &filter.outcome {
            let o = Outcome::parse("outcome", o, OUTCOME_PROBLEM)?;
            let m = arg(Value::Text(o.word().into()));
            clauses.push(format!("c.outcome = {m}"));
        }
        if let Some(k) = &filter.kind {
            let k = CravingKind::parse("kind", k, KIND_PROBLEM)?;
            let m = arg(Value::Text(k.word().into()));
            clauses.push(format!("c.kind = {m}"));
        }
        if let Some(from) = &filter.from {
            let m = arg(Value::Text(format_day(parse_day("from", from)?)));
            clauses.push(format!("c.day >= {m}"));
        }
        if let Some(to) = &filter.to {
            let m = arg(Value::Text(format_day(parse_day("to", to)?)));
            clauses.push(format!("c.day <= {m}"));
        }
        if let Some(words) = filter
            .search
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            reject_nul("search", words)?;
            let m = arg(Value::Text(like_pattern(words)));
            clauses.push(format!("c.note LIKE {m} ESCAPE '\\'"));
        }
        if let Some(cursor) = after {
            let at = format_instant(parse_instant("after", &cursor.occurred_at)?);
            let a = arg(Value::Text(at));
            let b = arg(Value::Integer(cursor.id));
            clauses.push(format!("(c.occurred_at, c.id) < ({a}, {b})"));
        }
        let lim = arg(Value::Integer(i64::from(limit) + 1));
        let sql = format!(
            "{CRAVING_SELECT} {} ORDER BY c.occurred_at DESC, c.id DESC LIMIT {lim}",
            if clauses.is_empty() {
                String::new()
            } else {
                format!("WHERE {}", clauses.join(" AND "))
            }
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut raw: Vec<RawCraving> = stmt
            .query_map(params_from_iter(args), craving_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let more = raw.len() > limit as usize;
        raw.truncate(limit as usize);
        let items = self.name_triggers(raw)?;
        let next = if more {
            items.last().map(|c| PageCursor {
                occurred_at: c.occurred_at.clone(),
                id: c.id,
            })
        } else {
            None
        };
        Ok(CravingPage { items, next })
    }
}
