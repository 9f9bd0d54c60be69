//! Recovery counters and lapses. A lapse is an event to learn from, never a
//! reset: the counters show the current run, the longest run, the days without
//! use since the start, and the days free in the last 30, all computed from
//! the days with a use (lapses, check-ins and cravings that say "used").

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::day::{check_in_window, format_day, parse_day};
use crate::error::{Error, Result};
use crate::store::Dao;
use crate::text::optional_text;

pub const REFLECTION_MAX_CHARS: usize = 2000;
const KEY_RECOVERY_START: &str = "recoveryStart";

/// The counters, as numbers of whole local days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Counters {
    pub start: String,
    pub today: String,
    /// Days since the last use (the start counts as day one when there is none).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub current_run: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub longest_run: i64,
    /// Days from the start to today, inclusive.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days_since_start: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days_without_use: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days_free_last_30: i64,
    /// How many of the last 30 days are in recovery (fewer right after the start).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub last_30_window: i64,
    /// Every day with a use since the start, oldest first: the dots on the timeline.
    pub use_days: Vec<String>,
}

/// The arithmetic, on its own so it is easy to check.
pub fn compute_counters(
    start: NaiveDate,
    today: NaiveDate,
    uses: &BTreeSet<NaiveDate>,
) -> Counters {
    let within: Vec<NaiveDate> = uses.range(start..=today).copied().collect();
    let days_since_start = (today - start).num_days() + 1;
    let last = within.last().copied();
    let current_run = match last {
        Some(day) => (today - day).num_days(),
        None => days_since_start,
    };
    // Runs are the gaps between use days, with the day before the start and the
    // day after today as edges.
    let mut longest_run = 0;
    let mut previous = start - Duration::days(1);
    for day in within
        .iter()
        .copied()
        .chain(std::iter::once(today + Duration::days(1)))
    {
        longest_run = longest_run.max((day - previous).num_days() - 1);
        previous = day;
    }
    let window_start = start.max(today - Duration::days(29));
    let last_30_window = (today - window_start).num_days() + 1;
    let used_last_30 = within.iter().filter(|d| **d >= window_start).count() as i64;
    Counters {
        start: format_day(start),
        today: format_day(today),
        current_run,
        longest_run,
        days_since_start,
        days_without_use: days_since_start - within.len() as i64,
        days_free_last_30: last_30_window - used_last_30,
        last_30_window,
        use_days: within.into_iter().map(format_day).collect(),
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LapseInput {
    pub day: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub craving_id: Option<i64>,
    pub what_happened: Option<String>,
    pub next_time: Option<String>,
    pub note: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub trigger_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Lapse {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub day: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub craving_id: Option<i64>,
    pub what_happened: Option<String>,
    pub next_time: Option<String>,
    pub note: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub trigger_ids: Vec<i64>,
    pub created_at: String,
    pub updated_at: String,
}

fn lapse_from_row(row: &Row<'_>) -> rusqlite::Result<Lapse> {
    Ok(Lapse {
        id: row.get("id")?,
        day: row.get("day")?,
        craving_id: row.get("craving_id")?,
        what_happened: row.get("what_happened")?,
        next_time: row.get("next_time")?,
        note: row.get("note")?,
        trigger_ids: Vec::new(),
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

impl Dao<'_> {
    /// The recovery start date, if the user has set one.
    pub fn recovery_start(&self) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [KEY_RECOVERY_START],
                |row| row.get::<_, String>(0),
            )
            .optional()?
            .filter(|v| parse_day("start", v).is_ok()))
    }

    /// Sets the recovery start date. A day in the future is refused.
    pub fn set_recovery_start(&self, day: &str, today: NaiveDate) -> Result<String> {
        let start = parse_day("start", day)?;
        if start > today {
            return Err(Error::validation(
                "start",
                "Your start date can't be in the future.",
            ));
        }
        let value = format_day(start);
        self.conn().execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![KEY_RECOVERY_START, value, crate::time::now_rfc3339()],
        )?;
        Ok(value)
    }

    /// Every local day with a use: lapses, check-ins and cravings that say so.
    pub fn use_days(&self) -> Result<BTreeSet<NaiveDate>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT day FROM lapses
             UNION SELECT day FROM checkins WHERE used_opioids = 1
             UNION SELECT day FROM cravings WHERE outcome = 'used'",
        )?;
        let days = stmt.query_map([], |row| row.get::<_, String>(0))?;
        let mut out = BTreeSet::new();
        for day in days {
            if let Ok(d) = parse_day("day", &day?) {
                out.insert(d);
            }
        }
        Ok(out)
    }

    /// The counters for today, or `None` before a start date is set.
    pub fn counters(&self, today: NaiveDate) -> Result<Option<Counters>> {
        let Some(start) = self.recovery_start()? else {
            return Ok(None);
        };
        let start = parse_day("start", &start)?;
        // A start later than today (the clock moved back) counts from today.
        let start = start.min(today);
        Ok(Some(compute_counters(start, today, &self.use_days()?)))
    }

    fn fill_lapse(&self, lapse: &mut Lapse) -> Result<()> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT trigger_id FROM lapse_triggers WHERE lapse_id = ?1 ORDER BY trigger_id",
        )?;
        lapse.trigger_ids = stmt
            .query_map([lapse.id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(())
    }

    pub fn lapse(&self, id: i64) -> Result<Lapse> {
        let mut lapse = self
            .conn()
            .query_row(
                "SELECT id, day, craving_id, what_happened, next_time, note, created_at, updated_at
                 FROM lapses WHERE id = ?1",
                [id],
                lapse_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no lapse {id}")))?;
        self.fill_lapse(&mut lapse)?;
        Ok(lapse)
    }

    /// Lapses, newest first.
    pub fn lapses(&self) -> Result<Vec<Lapse>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, day, craving_id, what_happened, next_time, note, created_at, updated_at
             FROM lapses ORDER BY day DESC, id DESC",
        )?;
        let mut out: Vec<Lapse> = stmt
            .query_map([], lapse_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for lapse in &mut out {
            self.fill_lapse(lapse)?;
        }
        Ok(out)
    }

    /// Records a lapse (new when `id` is `None`), with its optional reflection.
    pub fn save_lapse(
        &self,
        id: Option<i64>,
        input: &LapseInput,
        today: NaiveDate,
    ) -> Result<Lapse> {
        let day = parse_day("day", &input.day)?;
        check_in_window("day", day, today)?;
        if let Some(c) = input.craving_id {
            self.craving(c).map_err(|_| {
                Error::validation("cravingId", "That craving isn't in your log any more.")
            })?;
        }
        let what = optional_text(
            "whatHappened",
            input.what_happened.as_deref(),
            REFLECTION_MAX_CHARS,
        )?;
        let next = optional_text("nextTime", input.next_time.as_deref(), REFLECTION_MAX_CHARS)?;
        let note = optional_text("note", input.note.as_deref(), REFLECTION_MAX_CHARS)?;
        for t in &input.trigger_ids {
            self.trigger(*t).map_err(|_| {
                Error::validation(
                    "triggerIds",
                    "One of those triggers isn't in your list any more.",
                )
            })?;
        }
        let now = crate::time::now_rfc3339();
        let id = match id {
            None => {
                self.conn().execute(
                    "INSERT INTO lapses (day, craving_id, what_happened, next_time, note, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                    params![format_day(day), input.craving_id, what, next, note, now],
                )?;
                self.conn().last_insert_rowid()
            }
            Some(id) => {
                let changed = self.conn().execute(
                    "UPDATE lapses SET day = ?2, craving_id = ?3, what_happened = ?4, next_time = ?5,
                         note = ?6, updated_at = ?7 WHERE id = ?1",
                    params![id, format_day(day), input.craving_id, what, next, note, now],
                )?;
                if changed == 0 {
                    return Err(Error::NotFound(format!("no lapse {id}")));
                }
                self.conn()
                    .execute("DELETE FROM lapse_triggers WHERE lapse_id = ?1", [id])?;
                id
            }
        };
        let mut add = self.conn().prepare_cached(
            "INSERT OR IGNORE INTO lapse_triggers (lapse_id, trigger_id) VALUES (?1, ?2)",
        )?;
        for t in &input.trigger_ids {
            add.execute(params![id, t])?;
        }
        self.lapse(id)
    }

    pub fn delete_lapse(&self, id: i64) -> Result<()> {
        if self
            .conn()
            .execute("DELETE FROM lapses WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(format!("no lapse {id}")));
        }
        Ok(())
    }
}
