//! Numbers for the Progress tab, all computed here from the user's own data
//! for a range of local days. A missing day is missing, never a zero.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Timelike};
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::checkins::{Halt, HaltState};
use crate::choices::Choice;
use crate::day::{LocalZone, format_day, parse_day, parse_instant};
use crate::error::{Error, Result};
use crate::medication::MedicineProgress;
use crate::store::Dao;
use crate::toolbox::{WORKS_FOR_YOU_MIN_USES, median};
use crate::triggers::Category;

/// One day's check-in, as the charts draw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DayPoint {
    pub day: String,
    pub mood: u8,
    /// `None` on a day brought in from another app.
    pub craving: Option<u8>,
    pub stress: Option<u8>,
    pub pain: Option<u8>,
    pub sleep_hours: Option<f64>,
    pub used: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Count {
    pub key: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ToolResult {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub tool_id: i64,
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub uses: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub rated_uses: i64,
    pub median_drop: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    pub from: String,
    pub to: String,
    pub checkins: Vec<DayPoint>,
    /// Local days with a use (lapses, check-ins, cravings) in the range.
    pub use_days: Vec<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub cravings: i64,
    /// Cravings per week, keyed by the Monday that starts it.
    pub per_week: Vec<Count>,
    pub by_category: Vec<Count>,
    /// 24 counts, local hour 0 to 23.
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub by_hour: Vec<i64>,
    /// 7 counts, Monday first.
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub by_weekday: Vec<i64>,
    /// The HALT states marked often in the last cravings ("Tired was marked
    /// in 7 of your last 10 cravings", in the catalogues' words).
    pub halt: Vec<HaltCount>,
    pub tools: Vec<ToolResult>,
    /// Each medicine taken in the range: doses taken of those scheduled.
    pub medication: Vec<MedicineProgress>,
}

/// One HALT state marked in `count` of the last `of` cravings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HaltCount {
    pub state: HaltState,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub count: usize,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub of: usize,
}

/// How many recent cravings the HALT sentences look at.
pub const HALT_WINDOW: usize = 10;
/// A HALT state is mentioned when it was marked at least this many times.
pub const HALT_MIN: usize = 3;

/// The HALT states marked often in the most recent cravings (newest first),
/// the most marked first.
pub fn halt_counts(recent: &[Halt]) -> Vec<HaltCount> {
    let n = recent.len();
    if n == 0 {
        return Vec::new();
    }
    let mut counts: Vec<HaltCount> = HaltState::ALL
        .iter()
        .map(|&state| HaltCount {
            state,
            count: recent.iter().filter(|h| h.is_marked(state)).count(),
            of: n,
        })
        .filter(|h| h.count >= HALT_MIN.min(n))
        .collect();
    // The most marked first; a tie in HALT's own order (the sort is stable).
    counts.sort_by_key(|h| std::cmp::Reverse(h.count));
    counts
}

impl Dao<'_> {
    /// The first local day with any entry, for the "all" range.
    pub fn first_entry_day(&self) -> Result<Option<String>> {
        Ok(self.conn().query_row(
            "SELECT min(d) FROM (SELECT min(day) AS d FROM checkins UNION ALL SELECT min(day) FROM cravings
             UNION ALL SELECT min(day) FROM lapses)",
            [],
            |row| row.get(0),
        )?)
    }

    /// The last `days` days up to `today`, or everything when `days` is `None`.
    pub fn insights_for(
        &self,
        days: Option<i64>,
        today: NaiveDate,
        zone: &dyn LocalZone,
    ) -> Result<Insights> {
        let from = match days {
            Some(d) if (1..=36_500).contains(&d) => today - Duration::days(d - 1),
            Some(_) => return Err(Error::validation("days", "Choose a range of days.")),
            None => self
                .first_entry_day()?
                .and_then(|d| parse_day("from", &d).ok())
                .map_or(today, |d| d.min(today)),
        };
        self.insights(&format_day(from), &format_day(today), zone)
    }

    /// Everything the Progress tab draws for `from..=to` (local days).
    pub fn insights(&self, from: &str, to: &str, zone: &dyn LocalZone) -> Result<Insights> {
        let from_day = parse_day("from", from)?;
        let to_day = parse_day("to", to)?;
        if from_day > to_day {
            return Err(Error::validation("from", "The range starts after it ends."));
        }
        let (from, to) = (format_day(from_day), format_day(to_day));

        let mut stmt = self.conn().prepare_cached(
            "SELECT day, mood, craving, stress, pain, sleep_half_hours, coalesce(used_opioids, 0)
             FROM checkins WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
        )?;
        let checkins = stmt
            .query_map(params![from, to], |row| {
                let half: Option<u8> = row.get(5)?;
                Ok(DayPoint {
                    day: row.get(0)?,
                    mood: row.get(1)?,
                    craving: row.get(2)?,
                    stress: row.get(3)?,
                    pain: row.get(4)?,
                    sleep_hours: half.map(|h| f64::from(h) / 2.0),
                    used: row.get::<_, i64>(6)? == 1,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        let use_days: Vec<String> = self
            .use_days()?
            .into_iter()
            .filter(|d| *d >= from_day && *d <= to_day)
            .map(format_day)
            .collect();

        // Cravings (not triggers met without one) in the range, counted in SQL
        // on the (kind, day) index.
        // One pass over the covering index: cravings per local day; weeks,
        // weekdays and the total follow from those few thousand rows.
        let mut total = 0i64;
        let mut by_weekday = vec![0i64; 7];
        let mut weeks: BTreeMap<NaiveDate, i64> = BTreeMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT day, count(*) FROM cravings
             WHERE kind = 'craving' AND day BETWEEN ?1 AND ?2 GROUP BY day",
        )?;
        for row in stmt.query_map(params![from, to], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        })? {
            let (day, count) = row?;
            let day = parse_day("day", &day)?;
            let from_monday = i64::from(day.weekday().num_days_from_monday());
            total += count;
            by_weekday[from_monday as usize] += count;
            *weeks.entry(day - Duration::days(from_monday)).or_default() += count;
        }
        let per_week: Vec<Count> = weeks
            .into_iter()
            .map(|(monday, count)| Count {
                key: format_day(monday),
                count,
            })
            .collect();
        let mut by_hour = vec![0i64; 24];
        let mut stmt = self.conn().prepare_cached(
            "SELECT local_hour, count(*) FROM cravings
             WHERE kind = 'craving' AND day BETWEEN ?1 AND ?2 AND local_hour IS NOT NULL GROUP BY 1",
        )?;
        for row in stmt.query_map(params![from, to], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
        })? {
            let (hour, count) = row?;
            if let Some(slot) = by_hour.get_mut(hour as usize) {
                *slot = count;
            }
        }
        // Rows saved before the hour was kept: work it out from the instant.
        let mut stmt = self.conn().prepare_cached(
            "SELECT occurred_at FROM cravings
             WHERE kind = 'craving' AND day BETWEEN ?1 AND ?2 AND local_hour IS NULL",
        )?;
        for at in stmt.query_map(params![from, to], |row| row.get::<_, String>(0))? {
            if let Ok(instant) = parse_instant("occurredAt", &at?) {
                by_hour[zone.local_time(instant).hour() as usize] += 1;
            }
        }
        let mut stmt = self.conn().prepare_cached(
            // Newest first along its own index, stopping after ten.
            "SELECT hungry, angry, lonely, tired FROM cravings INDEXED BY cravings_newest
             WHERE kind = 'craving' AND day BETWEEN ?1 AND ?2
             ORDER BY occurred_at DESC, id DESC LIMIT ?3",
        )?;
        let recent: Vec<Halt> = stmt
            .query_map(params![from, to, HALT_WINDOW as i64], |row| {
                Ok(Halt {
                    hungry: row.get(0)?,
                    angry: row.get(1)?,
                    lonely: row.get(2)?,
                    tired: row.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut stmt = self.conn().prepare_cached(
            "SELECT category, count(*) FROM craving_categories
             WHERE kind = 'craving' AND day BETWEEN ?1 AND ?2 GROUP BY category",
        )?;
        let mut counted: BTreeMap<String, i64> = stmt
            .query_map(params![from, to], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let by_category = Category::ALL
            .iter()
            .map(|c| Count {
                key: c.word().to_owned(),
                count: counted.remove(c.word()).unwrap_or(0),
            })
            .collect();

        // Tool uses that started on a day in the range (by their UTC start; close
        // enough for a ranking), counted and collected on a covering index.
        let after_to = format_day(to_day + Duration::days(1));
        let names: BTreeMap<i64, (String, i64)> = {
            let mut stmt = self
                .conn()
                .prepare_cached("SELECT id, name, position FROM tools")?;
            stmt.query_map([], |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut per_tool: BTreeMap<i64, (i64, Vec<i64>)> = BTreeMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT tool_id, count(*) FROM tool_uses WHERE started_at >= ?1 AND started_at < ?2 GROUP BY tool_id",
        )?;
        for row in stmt.query_map(params![from, after_to], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
        })? {
            let (id, n) = row?;
            per_tool.entry(id).or_default().0 = n;
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT tool_id, before - after FROM tool_uses
             WHERE started_at >= ?1 AND started_at < ?2 AND before IS NOT NULL AND after IS NOT NULL",
        )?;
        for row in stmt.query_map(params![from, after_to], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
        })? {
            let (id, drop) = row?;
            per_tool.entry(id).or_default().1.push(drop);
        }
        let mut tools: Vec<(i64, String, i64, Vec<i64>)> = per_tool
            .into_iter()
            .filter_map(|(id, (uses, drops))| {
                names
                    .get(&id)
                    .map(|(name, _)| (id, name.clone(), uses, drops))
            })
            .collect();
        // In the user's toolbox order first; the ranking below then sorts by effect.
        tools.sort_by_key(|t| names.get(&t.0).map(|n| n.1));
        let mut tools: Vec<ToolResult> = tools
            .into_iter()
            .map(|(tool_id, name, uses, mut drops)| ToolResult {
                tool_id,
                name,
                uses,
                rated_uses: drops.len() as i64,
                // One rule with the Toolbox's "works for you": a usual drop only
                // from enough rated uses, never from one.
                median_drop: if drops.len() as i64 >= WORKS_FOR_YOU_MIN_USES {
                    median(&mut drops)
                } else {
                    None
                },
            })
            .collect();
        tools.sort_by(|a, b| {
            b.median_drop
                .unwrap_or(f64::NEG_INFINITY)
                .partial_cmp(&a.median_drop.unwrap_or(f64::NEG_INFINITY))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.uses.cmp(&a.uses))
        });

        let medication = self.medication_progress(from_day, to_day)?;
        Ok(Insights {
            medication,
            per_week,
            halt: halt_counts(&recent),
            from,
            to,
            checkins,
            use_days,
            cravings: total,
            by_category,
            by_hour,
            by_weekday,
            tools,
        })
    }
}
