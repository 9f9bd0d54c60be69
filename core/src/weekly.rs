//! The weekly warning-signs check: about a dozen short questions in Steady's
//! own words on the risk and protective areas that tend to come before a
//! lapse (DOMAIN.md, "Warning signs before a lapse"), each answered 0 (not at
//! all) to 4 (a lot) or skipped. It is not a validated instrument and never
//! scores a person: a week is only compared with **this person's own** usual
//! (the middle of their earlier answers), and a question on thoughts of
//! self-harm asks for care at once whatever the rest says.
//!
//! It comes due once a week on a day the person picks (Sunday unless they
//! choose another, or never); Today notes it, and a notice can remind them.

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::day::{check_in_window, format_day, parse_day};
use crate::error::{Error, Result};
use crate::store::Dao;

choice! {
    /// What the weekly check asks about, in the order it asks.
    pub enum WeeklySign {
        Craving = "craving",
        Sleep = "sleep",
        Mood = "mood",
        Stress = "stress",
        Places = "places",
        OneUse = "oneUse",
        Alone = "alone",
        SkippedCare = "skippedCare",
        Pain = "pain",
        Confident = "confident",
        Support = "support",
        Meaning = "meaning",
        SelfHarm = "selfHarm",
    }
}

choice! {
    /// Which way a sign warns: more of a risk, less of a protective one; any
    /// thought of self-harm calls for care now.
    pub enum SignKind {
        Risk = "risk",
        Protective = "protective",
        Care = "care",
    }
}

impl WeeklySign {
    pub const fn kind(self) -> SignKind {
        match self {
            Self::Confident | Self::Support | Self::Meaning => SignKind::Protective,
            Self::SelfHarm => SignKind::Care,
            _ => SignKind::Risk,
        }
    }
}

choice! {
    /// A week's answer beside the person's usual.
    pub enum Change {
        Higher = "higher",
        Usual = "usual",
        Lower = "lower",
        /// Too few earlier answers to know their usual yet.
        NoUsual = "noUsual",
        Skipped = "skipped",
    }
}

/// The top of the answer scale (0 = not at all, 4 = a lot).
pub const ANSWER_MAX: u8 = 4;
/// The usual is taken from at most this many earlier answers...
pub const USUAL_WEEKS: usize = 8;
/// ... and needs at least this many.
pub const USUAL_NEEDS: usize = 2;
/// The day it comes due when the person hasn't chosen (7 = Sunday).
pub const DEFAULT_DAY: u8 = 7;
/// How many weeks Progress draws.
pub const HISTORY_WEEKS: usize = 12;

const KEY_DAY: &str = "weeklyDay";
const KEY_REMINDER: &str = "weeklyReminder";
const KEY_SKIPPED: &str = "weeklySkipped";

/// One answer as the UI sends it; `None` is "skip".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WeeklyAnswer {
    #[cfg_attr(feature = "ts", ts(as = "WeeklySign"))]
    pub sign: String,
    pub value: Option<u8>,
}

/// A weekly check as the person filled it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WeeklyInput {
    /// The local day it was done: today when left out, or a day in the backfill window.
    #[serde(default)]
    pub day: Option<String>,
    pub answers: Vec<WeeklyAnswer>,
}

/// One sign of a saved check, beside the person's usual.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Compared {
    pub sign: WeeklySign,
    pub kind: SignKind,
    pub value: Option<u8>,
    /// The middle of the earlier answers (up to [`USUAL_WEEKS`]), once there are [`USUAL_NEEDS`].
    pub usual: Option<f64>,
    pub change: Change,
    /// Worth a look: a risk above the usual, a protective sign below it.
    pub warning: bool,
}

/// A saved check and what it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WeeklyResult {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub day: String,
    /// Every sign, in the order asked (skipped ones too).
    pub answers: Vec<Compared>,
    /// Thoughts of self-harm were not "not at all": care comes first.
    pub care: bool,
    /// At least one sign could be set beside a usual.
    pub compared: bool,
    /// How many more weeks before there is a usual to compare with (0 once there is).
    pub weeks_to_usual: u8,
}

/// When the check comes due, and whether a notice reminds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WeeklySettings {
    /// 1 = Monday to 7 = Sunday; 0 = never (the check stays on Progress).
    pub day: u8,
    /// A notice on that day (through the reminders' scheduler).
    pub reminder: bool,
}

/// What Today and Progress show of it, in one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WeeklyView {
    pub settings: WeeklySettings,
    /// Due this week and not done or set aside.
    pub due: bool,
    /// The newest check, compared.
    pub last: Option<WeeklyResult>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub count: i64,
}

/// One sign over the recent weeks, oldest first, for a trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SignTrend {
    pub sign: WeeklySign,
    pub kind: SignKind,
    /// One per day in [`WeeklyHistory::days`]; `None` where skipped.
    pub values: Vec<Option<u8>>,
}

/// The recent checks, oldest first, sign by sign (self-harm left out: it is
/// answered with care at once, not drawn as a trend).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WeeklyHistory {
    pub days: Vec<String>,
    pub signs: Vec<SignTrend>,
}

/// The middle of `earlier` (the mean of the two middle ones for an even count).
fn median(earlier: &[u8]) -> f64 {
    let mut sorted = earlier.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    if n % 2 == 1 {
        f64::from(sorted[n / 2])
    } else {
        (f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0
    }
}

/// The "compared with your usual" rule: `earlier` are this sign's earlier
/// answers, newest first. The usual is the middle of the newest
/// [`USUAL_WEEKS`] of them, once there are [`USUAL_NEEDS`]; a week is higher
/// or lower when it is at least a whole step from it.
pub fn compare(sign: WeeklySign, value: Option<u8>, earlier: &[u8]) -> Compared {
    let recent = &earlier[..earlier.len().min(USUAL_WEEKS)];
    let usual = (recent.len() >= USUAL_NEEDS).then(|| median(recent));
    let change = match (value, usual) {
        (None, _) => Change::Skipped,
        (Some(_), None) => Change::NoUsual,
        (Some(v), Some(u)) if f64::from(v) >= u + 1.0 => Change::Higher,
        (Some(v), Some(u)) if f64::from(v) <= u - 1.0 => Change::Lower,
        _ => Change::Usual,
    };
    let warning = match sign.kind() {
        SignKind::Risk => change == Change::Higher,
        SignKind::Protective => change == Change::Lower,
        SignKind::Care => value.is_some_and(|v| v > 0),
    };
    Compared {
        sign,
        kind: sign.kind(),
        value,
        usual,
        change,
        warning,
    }
}

/// The first day of the week that `today` falls in, for a check due on
/// `weekday` (1 = Monday): the latest such weekday on or before today.
pub fn week_start(today: NaiveDate, weekday: u8) -> NaiveDate {
    let now = today.weekday().number_from_monday() as i64;
    let back = (now - i64::from(weekday)).rem_euclid(7);
    today - Duration::days(back)
}

impl Dao<'_> {
    /// When it comes due and whether a notice reminds.
    pub fn weekly_settings(&self) -> Result<WeeklySettings> {
        let day = self
            .setting(KEY_DAY)?
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|d| *d <= 7)
            .unwrap_or(DEFAULT_DAY);
        Ok(WeeklySettings {
            day,
            reminder: self.setting(KEY_REMINDER)?.as_deref() == Some("true"),
        })
    }

    pub fn set_weekly_settings(&self, settings: &WeeklySettings) -> Result<()> {
        if settings.day > 7 {
            return Err(Error::validation(
                "day",
                "Choose a day of the week, or never.",
            ));
        }
        self.put_setting(KEY_DAY, &settings.day.to_string())?;
        self.put_setting(
            KEY_REMINDER,
            if settings.reminder { "true" } else { "false" },
        )
    }

    /// Saves a check (a second one the same day replaces the first) and
    /// returns it compared with the person's usual.
    pub fn save_weekly_check(&self, input: &WeeklyInput, today: NaiveDate) -> Result<WeeklyResult> {
        let day = match &input.day {
            Some(day) => parse_day("day", day)?,
            None => today,
        };
        check_in_window("day", day, today)?;
        let mut answers: Vec<(WeeklySign, u8)> = Vec::new();
        let mut seen = Vec::new();
        for a in &input.answers {
            let sign = WeeklySign::parse("answers", &a.sign, "That isn't one of the questions.")?;
            if seen.contains(&sign) {
                return Err(Error::validation(
                    "answers",
                    "A question is answered twice.",
                ));
            }
            seen.push(sign);
            match a.value {
                None => {}
                Some(v) if v <= ANSWER_MAX => answers.push((sign, v)),
                Some(_) => {
                    return Err(Error::validation(
                        "answers",
                        "Answers go from 0 (not at all) to 4 (a lot).",
                    ));
                }
            }
        }
        if answers.is_empty() {
            return Err(Error::validation(
                "answers",
                "Answer at least one question, or close it without saving.",
            ));
        }
        let now = crate::time::now_rfc3339();
        let id: i64 = self.conn().query_row(
            "INSERT INTO weekly_checks (day, created_at, updated_at) VALUES (?1, ?2, ?2)
             ON CONFLICT (day) DO UPDATE SET updated_at = excluded.updated_at
             RETURNING id",
            params![format_day(day), now],
            |r| r.get(0),
        )?;
        self.conn()
            .execute("DELETE FROM weekly_answers WHERE check_id = ?1", [id])?;
        let mut add = self.conn().prepare_cached(
            "INSERT INTO weekly_answers (check_id, sign, value) VALUES (?1, ?2, ?3)",
        )?;
        for (sign, value) in answers {
            add.execute(params![id, sign, value])?;
        }
        self.weekly_result(id)
    }

    /// Check `id`, compared with the checks before its day.
    pub fn weekly_result(&self, id: i64) -> Result<WeeklyResult> {
        let day: String = self
            .conn()
            .query_row("SELECT day FROM weekly_checks WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no weekly check {id}")))?;
        let mine = self.weekly_answers(id)?;
        let earlier_checks: i64 = self.conn().query_row(
            "SELECT count(*) FROM weekly_checks WHERE day < ?1",
            [&day],
            |r| r.get(0),
        )?;
        let mut earlier_stmt = self.conn().prepare_cached(
            "SELECT a.value FROM weekly_answers a JOIN weekly_checks c ON c.id = a.check_id
             WHERE a.sign = ?1 AND c.day < ?2 ORDER BY c.day DESC LIMIT ?3",
        )?;
        let mut answers = Vec::new();
        for sign in WeeklySign::ALL {
            let value = mine.iter().find(|(s, _)| s == sign).map(|(_, v)| *v);
            let earlier = earlier_stmt
                .query_map(params![sign, day, USUAL_WEEKS as i64], |r| {
                    r.get::<_, u8>(0)
                })?
                .collect::<rusqlite::Result<Vec<u8>>>()?;
            answers.push(compare(*sign, value, &earlier));
        }
        Ok(WeeklyResult {
            id,
            day,
            care: answers
                .iter()
                .any(|a| a.kind == SignKind::Care && a.warning),
            compared: answers
                .iter()
                .any(|a| a.kind != SignKind::Care && a.usual.is_some()),
            answers,
            weeks_to_usual: (USUAL_NEEDS as i64 - earlier_checks).clamp(0, USUAL_NEEDS as i64)
                as u8,
        })
    }

    fn weekly_answers(&self, id: i64) -> Result<Vec<(WeeklySign, u8)>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT sign, value FROM weekly_answers WHERE check_id = ?1")?;
        let rows = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Whether the check is due by `today`: a day is set, nothing was done
    /// since this week's day came, and "not this week" wasn't said for it.
    pub fn weekly_due(&self, today: NaiveDate) -> Result<bool> {
        let settings = self.weekly_settings()?;
        if settings.day == 0 {
            return Ok(false);
        }
        let start = format_day(week_start(today, settings.day));
        if self.setting(KEY_SKIPPED)?.as_deref() == Some(start.as_str()) {
            return Ok(false);
        }
        let done: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM weekly_checks WHERE day >= ?1 AND day <= ?2)",
            params![start, format_day(today)],
            |r| r.get(0),
        )?;
        Ok(!done)
    }

    /// "Not this week": Today stops noting it until next week's day.
    pub fn skip_weekly_check(&self, today: NaiveDate) -> Result<()> {
        let settings = self.weekly_settings()?;
        if settings.day == 0 {
            return Ok(());
        }
        self.put_setting(KEY_SKIPPED, &format_day(week_start(today, settings.day)))
    }

    pub fn weekly_view(&self, today: NaiveDate) -> Result<WeeklyView> {
        let last: Option<i64> = self
            .conn()
            .query_row(
                "SELECT id FROM weekly_checks ORDER BY day DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(WeeklyView {
            settings: self.weekly_settings()?,
            due: self.weekly_due(today)?,
            last: last.map(|id| self.weekly_result(id)).transpose()?,
            count: self
                .conn()
                .query_row("SELECT count(*) FROM weekly_checks", [], |r| r.get(0))?,
        })
    }

    /// The newest `weeks` checks on or before `to` (and from `from`, if
    /// given), oldest first, sign by sign.
    pub fn weekly_history(
        &self,
        from: Option<NaiveDate>,
        to: NaiveDate,
        weeks: usize,
    ) -> Result<WeeklyHistory> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, day FROM weekly_checks WHERE day >= ?1 AND day <= ?2
             ORDER BY day DESC LIMIT ?3",
        )?;
        let from = from.map(format_day).unwrap_or_default();
        let mut checks = stmt
            .query_map(params![from, format_day(to), weeks as i64], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        checks.reverse();
        let mut answers = Vec::new();
        for (id, _) in &checks {
            answers.push(self.weekly_answers(*id)?);
        }
        let signs = WeeklySign::ALL
            .iter()
            .filter(|s| s.kind() != SignKind::Care)
            .map(|sign| SignTrend {
                sign: *sign,
                kind: sign.kind(),
                values: answers
                    .iter()
                    .map(|a| a.iter().find(|(s, _)| s == sign).map(|(_, v)| *v))
                    .collect(),
            })
            .collect();
        Ok(WeeklyHistory {
            days: checks.into_iter().map(|(_, d)| d).collect(),
            signs,
        })
    }

    /// Stores one of these settings brought in by an import, through the
    /// same checks; `None` when `key` isn't one of them.
    pub(crate) fn import_weekly_setting(&self, key: &str, value: &str) -> Option<Result<()>> {
        let done = match key {
            KEY_DAY => match value.parse::<u8>() {
                Ok(d) if d <= 7 => self.put_setting(key, value),
                _ => Err(Error::validation(KEY_DAY, "Should be a day from 0 to 7.")),
            },
            KEY_REMINDER if value == "true" || value == "false" => self.put_setting(key, value),
            KEY_REMINDER => Err(Error::validation(KEY_REMINDER, "Should be true or false.")),
            KEY_SKIPPED => parse_day(KEY_SKIPPED, value).and_then(|_| self.put_setting(key, value)),
            _ => return None,
        };
        Some(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_usual_is_the_middle_of_up_to_eight_earlier_answers() {
        // Not enough earlier answers: no usual, no warning.
        let c = compare(WeeklySign::Sleep, Some(4), &[0]);
        assert_eq!(
            (c.usual, c.change, c.warning),
            (None, Change::NoUsual, false)
        );
        // Two earlier: 1 and 2 -> 1.5; 3 is higher (a risk: worth a look).
        let c = compare(WeeklySign::Sleep, Some(3), &[1, 2]);
        assert_eq!(
            (c.usual, c.change, c.warning),
            (Some(1.5), Change::Higher, true)
        );
        // 2 is within a step of 1.5: usual.
        assert_eq!(
            compare(WeeklySign::Sleep, Some(2), &[1, 2]).change,
            Change::Usual
        );
        // Only the newest eight count: the old fours are left behind.
        let earlier = [0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4];
        let c = compare(WeeklySign::Craving, Some(1), &earlier);
        assert_eq!((c.usual, c.change), (Some(0.0), Change::Higher));
        // A protective sign warns when it drops.
        let c = compare(WeeklySign::Support, Some(1), &[3, 3, 4]);
        assert_eq!((c.change, c.warning), (Change::Lower, true));
        let c = compare(WeeklySign::Support, Some(4), &[1, 1]);
        assert_eq!((c.change, c.warning), (Change::Higher, false));
        // Skipped is skipped.
        assert_eq!(
            compare(WeeklySign::Pain, None, &[1, 1]).change,
            Change::Skipped
        );
        // Self-harm: any answer above "not at all" calls for care, usual or not.
        assert!(compare(WeeklySign::SelfHarm, Some(1), &[]).warning);
        assert!(!compare(WeeklySign::SelfHarm, Some(0), &[2, 2]).warning);
    }

    #[test]
    fn the_week_starts_on_the_chosen_day() {
        // 2026-12-07 is a Monday.
        assert_eq!(week_start(d("2026-12-07"), 1), d("2026-12-07"));
        assert_eq!(week_start(d("2026-12-07"), 7), d("2026-12-06"));
        assert_eq!(week_start(d("2026-12-07"), 2), d("2026-12-01"));
        assert_eq!(week_start(d("2026-12-13"), 7), d("2026-12-13"));
        // Across the change to and from daylight time, days are calendar days.
        assert_eq!(week_start(d("2026-03-09"), 7), d("2026-03-08"));
        assert_eq!(week_start(d("2026-11-02"), 7), d("2026-11-01"));
    }
}
