//! Calendar days. A check-in belongs to the user's local calendar day, stored as
//! `YYYY-MM-DD`; once stored it never moves, whatever the time zone later.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

use crate::error::{Error, Result};

/// How far back a day can be filled in.
pub const BACKFILL_DAYS: i64 = 365;

/// Today's date on this computer's clock and time zone. The shell calls this;
/// the core's functions take `today` as an argument so tests can choose it.
pub fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Turns an instant into the user's local calendar day.
pub trait LocalZone {
    fn day_of(&self, instant: DateTime<Utc>) -> NaiveDate {
        self.local_time(instant).date()
    }
    /// The local wall-clock date and time of `instant`.
    fn local_time(&self, instant: DateTime<Utc>) -> chrono::NaiveDateTime;
}

/// This computer's time zone, with its own DST rules for past instants.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemZone;

impl LocalZone for SystemZone {
    fn local_time(&self, instant: DateTime<Utc>) -> chrono::NaiveDateTime {
        instant.with_timezone(&chrono::Local).naive_local()
    }
}

/// A fixed offset, for tests.
impl LocalZone for FixedOffset {
    fn local_time(&self, instant: DateTime<Utc>) -> chrono::NaiveDateTime {
        instant.with_timezone(self).naive_local()
    }
}

/// Parses an RFC 3339 instant (any offset) into UTC.
pub fn parse_instant(field: &'static str, value: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::validation(field, "Use a date and time like 2026-03-31T18:30:00Z."))
}

/// Formats an instant for storage: UTC, RFC 3339, milliseconds.
pub fn format_instant(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Parses a strict `YYYY-MM-DD` date.
pub fn parse_day(field: &'static str, value: &str) -> Result<NaiveDate> {
    let well_formed = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(Error::validation(field, "Use a date like 2026-03-31."));
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Error::validation(field, "That date doesn't exist."))?;
    // Nobody's recovery starts in year 0 or ends in 9999: such a date is a slip.
    if !(1900..=2200).contains(&chrono::Datelike::year(&date)) {
        return Err(Error::validation(
            field,
            "Use a date between 1900 and 2200.",
        ));
    }
    Ok(date)
}

/// Checks that `day` is today or within the backfill window before it.
pub fn check_in_window(field: &'static str, day: NaiveDate, today: NaiveDate) -> Result<()> {
    if day > today {
        return Err(Error::validation(field, "That day hasn't happened yet."));
    }
    if day < today - Duration::days(BACKFILL_DAYS) {
        return Err(Error::validation(
            field,
            format!("You can fill in days up to {BACKFILL_DAYS} days back."),
        ));
    }
    Ok(())
}

/// A wall-clock time as people set it, `HH:MM` (24-hour), for `field`.
pub fn parse_clock(field: &'static str, value: &str) -> Result<chrono::NaiveTime> {
    let text = value.trim();
    let bad = || Error::validation(field, "Use a time like 08:30.");
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
    chrono::NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| bad())
}

/// Formats a day for storage.
pub fn format_day(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn only_strict_dates_parse() {
        assert_eq!(parse_day("day", "2026-02-28").unwrap(), d("2026-02-28"));
        for bad in [
            "2026-2-28",
            "2026-02-30",
            "26-02-28",
            "2026/02/28",
            "",
            "2026-02-28T00:00",
            "２０２６-02-28",
        ] {
            let err = parse_day("day", bad).unwrap_err();
            assert_eq!(err.field(), Some("day"), "{bad}");
        }
    }

    #[test]
    fn the_window_is_today_back_to_365_days() {
        let today = d("2026-12-01");
        check_in_window("day", today, today).unwrap();
        check_in_window("day", d("2025-12-01"), today).unwrap();
        assert!(check_in_window("day", d("2025-11-30"), today).is_err());
        assert!(check_in_window("day", d("2026-12-02"), today).is_err());
    }
}
