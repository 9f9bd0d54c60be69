//! Reminder times, computed from rules, never from counting ticks: the next
//! time a daily or weekly reminder fires, in the user's time zone, across DST
//! changes; and the last one that came due while the app was closed (shown
//! gently instead of fired late in a burst).

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A reminder's when: a local time on some days of the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReminderRule {
    /// Local wall-clock time, `HH:MM`.
    pub time: String,
    /// Days of the week it fires, 1 = Monday to 7 = Sunday; all seven for daily.
    pub days: Vec<u8>,
}

/// A checked rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    time: NaiveTime,
    /// Bit `d - 1` set for each day `d`.
    days: u8,
}

impl ReminderRule {
    pub fn check(&self) -> Result<Schedule> {
        let text = self.time.trim();
        let bad = || Error::validation("time", "Use a time like 08:30.");
        let strict = text.len() == 5
            && text.bytes().enumerate().all(|(i, b)| {
                if i == 2 {
                    b == b':'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !strict {
            return Err(bad());
        }
        let time = NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| bad())?;
        if self.days.is_empty() {
            return Err(Error::validation("days", "Choose at least one day."));
        }
        let mut days = 0u8;
        for d in &self.days {
            if !(1..=7).contains(d) {
                return Err(Error::validation(
                    "days",
                    "Days go from 1 (Monday) to 7 (Sunday).",
                ));
            }
            days |= 1 << (d - 1);
        }
        Ok(Schedule { time, days })
    }
}

impl Schedule {
    fn on(&self, date: NaiveDate) -> bool {
        self.days & (1 << date.weekday().num_days_from_monday()) != 0
    }

    /// The instant the reminder fires on `date`, in `tz`. A time that doesn't
    /// exist that day (clocks jumped forward over it) fires when the clocks
    /// land; a time that happens twice (clocks went back) fires the first time.
    fn fire_on<Tz: TimeZone>(&self, date: NaiveDate, tz: &Tz) -> Option<DateTime<Utc>> {
        let local: NaiveDateTime = date.and_time(self.time);
        match tz.from_local_datetime(&local) {
            LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
            LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
            LocalResult::None => {
                // Walk forward a minute at a time to the end of the gap (at most a few hours).
                (1..=180).find_map(|m| {
                    match tz.from_local_datetime(&(local + Duration::minutes(m))) {
                        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
                        LocalResult::Ambiguous(t, _) => Some(t.with_timezone(&Utc)),
                        LocalResult::None => None,
                    }
                })
            }
        }
    }

    /// The first time strictly after `after` that the reminder fires.
    pub fn next_after<Tz: TimeZone>(&self, after: DateTime<Utc>, tz: &Tz) -> Option<DateTime<Utc>> {
        let start = after.with_timezone(tz).date_naive() - Duration::days(1);
        (0..=9)
            .map(|d| start + Duration::days(d))
            .filter(|date| self.on(*date))
            .filter_map(|date| self.fire_on(date, tz))
            .find(|t| *t > after)
    }

    /// The last time in `(from, to]` that the reminder came due, if any: what was
    /// missed while the app was closed.
    pub fn last_between<Tz: TimeZone>(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        tz: &Tz,
    ) -> Option<DateTime<Utc>> {
        if to <= from {
            return None;
        }
        let end = to.with_timezone(tz).date_naive() + Duration::days(1);
        (0..=8)
            .map(|d| end - Duration::days(d))
            .filter(|date| self.on(*date))
            .filter_map(|date| self.fire_on(date, tz))
            .find(|t| *t > from && *t <= to)
    }
}
