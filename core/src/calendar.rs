//! The calendar file (RFC 5545, `.ics`), for the calendar the person already
//! uses: appointments (from their reminders), the times of daily medicines,
//! injection dates and refill dates. Repeats are RRULEs; times are wall-clock
//! times in the person's zone, named by TZID and defined by a VTIMEZONE drawn
//! from the zone's own transitions (so a reader needs no zone database);
//! titles are neutral in discreet mode; each event's UID is its record's
//! stable uid, so importing a newer file updates the events instead of
//! doubling them. The `icalendar` crate writes the file (escaping, folding).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};
use rusqlite::params;

use crate::day::{LocalZone, parse_clock, parse_day};
use crate::error::Result;
use crate::medication::DoseSchedule;
use crate::reminders::ReminderKind;
use crate::settings::Language;
use crate::store::Dao;
use crate::words::{phrase, word};

/// The years around today that the VTIMEZONE describes (its transitions).
const ZONE_YEARS_BEFORE: i32 = 1;
const ZONE_YEARS_AFTER: i32 = 10;
/// How long a timed event lasts in the calendar.
const TIMED_MINUTES: i64 = 15;

/// This computer's time zone by its IANA name ("America/New_York"), or
/// "Local" when the system doesn't say (the VTIMEZONE defines it either way).
pub fn system_zone_name() -> String {
    iana_time_zone::get_timezone().unwrap_or_else(|_| "Local".to_owned())
}

/// `zone`'s offset from UTC at `instant`, in seconds.
fn offset_at(zone: &dyn LocalZone, instant: DateTime<Utc>) -> i64 {
    (zone.local_time(instant) - instant.naive_utc()).num_seconds()
}

/// A change of offset: when (UTC), and from what to what (seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Transition {
    at: DateTime<Utc>,
    from: i64,
    to: i64,
}

/// Every change of `zone`'s offset from the start of `first` to the end of
/// `last` (years), to the minute.
fn transitions(zone: &dyn LocalZone, first: i32, last: i32) -> Vec<Transition> {
    let Some(mut day) = Utc.with_ymd_and_hms(first, 1, 1, 0, 0, 0).single() else {
        return Vec::new();
    };
    let Some(end) = Utc.with_ymd_and_hms(last + 1, 1, 1, 0, 0, 0).single() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut before = offset_at(zone, day);
    while day < end {
        let next = day + Duration::hours(6);
        let after = offset_at(zone, next);
        if after != before {
            // The change is in (day, next]: narrow it to the minute (zones
            // change on a whole minute).
            let minute = |m: i64| DateTime::from_timestamp(m * 60, 0).unwrap_or(next);
            let (mut lo, mut hi) = (day.timestamp() / 60, next.timestamp() / 60);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset_at(zone, minute(mid)) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let hi = minute(hi);
            out.push(Transition {
                at: hi,
                from: before,
                to: after,
            });
            before = after;
        }
        day = next;
    }
    out
}

/// An offset as iCalendar writes it: "-0500", "+0530".
fn offset_text(seconds: i64) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

fn local_text(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// The VTIMEZONE for `tzid`, as iCalendar lines: one STANDARD or DAYLIGHT
/// observance per kind of change, starting at its first change (local time
/// before it) with each later one as an RDATE; a zone that never changes has
/// one STANDARD. Written here rather than through the `icalendar` crate,
/// which gives every component a DTSTAMP and a UID (RFC 5545 allows neither
/// in a time zone); its lines are short and need no escaping.
fn vtimezone(tzid: &str, zone: &dyn LocalZone, today: NaiveDate) -> String {
    let year = today.year();
    let changes = transitions(zone, year - ZONE_YEARS_BEFORE, year + ZONE_YEARS_AFTER);
    let mut groups: Vec<((i64, i64), Vec<NaiveDateTime>)> = Vec::new();
    for t in &changes {
        let local = t.at.naive_utc() + Duration::seconds(t.from);
        match groups.iter_mut().find(|(k, _)| *k == (t.from, t.to)) {
            Some((_, starts)) => starts.push(local),
            None => groups.push(((t.from, t.to), vec![local])),
        }
    }
    if groups.is_empty() {
        let now = offset_at(
            zone,
            today.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc(),
        );
        let start = NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        groups.push(((now, now), vec![start]));
    }
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n");
    for ((from, to), starts) in groups {
        let kind = if to > from { "DAYLIGHT" } else { "STANDARD" };
        out.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\n",
            local_text(starts[0])
        ));
        out.push_str(&format!(
            "TZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
            offset_text(from),
            offset_text(to)
        ));
        for later in &starts[1..] {
            out.push_str(&format!("RDATE:{}\r\n", local_text(*later)));
        }
        out.push_str(&format!("END:{kind}\r\n"));
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

/// RFC 5545's two letters for ISO weekday `d` (1 = Monday).
fn byday(d: u8) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][usize::from(d.clamp(1, 7) - 1)]
}

/// The first day on or after `from` that is one of `days` (ISO weekdays).
fn first_on(from: NaiveDate, days: &[u8]) -> NaiveDate {
    (0..7)
        .map(|i| from + Duration::days(i))
        .find(|d| days.contains(&(d.weekday().number_from_monday() as u8)))
        .unwrap_or(from)
}

impl Dao<'_> {
    /// The calendar file for `today`, in the zone `zone` named `tzid`,
    /// stamped `now`.
    pub fn calendar_file(
        &self,
        tzid: &str,
        zone: &dyn LocalZone,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let discreet = self.discreet_notifications()?;
        let lang = self.language()?;
        let title = |key: &str, name: &str| -> String {
            if discreet {
                word(lang, "desktop.notify.discreetTitle").to_owned()
            } else {
                phrase(lang, &format!("calendarFile.{key}"), &[("name", name)])
            }
        };
        let timed = |uid: String, summary: String, day: NaiveDate, time: &str, rrule: String| {
            let start = parse_clock("time", time).map(|t| day.and_time(t))?;
            Ok::<Event, crate::Error>(
                Event::new()
                    .uid(&uid)
                    .timestamp(now)
                    .summary(&summary)
                    .starts(CalendarDateTime::WithTimezone {
                        date_time: start,
                        tzid: tzid.to_owned(),
                    })
                    .ends(CalendarDateTime::WithTimezone {
                        date_time: start + Duration::minutes(TIMED_MINUTES),
                        tzid: tzid.to_owned(),
                    })
                    .add_property("RRULE", rrule)
                    .done(),
            )
        };
        let mut events: Vec<Event> = Vec::new();

        // The medicines being taken: a daily one at its time; an injection
        // on its next date, then every so many days; a refill on its date.
        let medicines = self.medicines(false)?;
        for m in &medicines {
            let uid: String = self.conn().query_row(
                "SELECT uid FROM medicines WHERE id = ?1",
                params![m.id],
                |r| r.get(0),
            )?;
            let name = m
                .name
                .clone()
                .unwrap_or_else(|| word(lang, &format!("medication.kinds.{}", m.kind)).to_owned());
            match (
                m.schedule,
                m.time.as_deref(),
                m.next_due.as_deref(),
                m.every_days,
            ) {
                (DoseSchedule::Daily, Some(time), _, _) => {
                    let started = parse_day("startedOn", &m.started_on)?.max(today);
                    events.push(timed(
                        format!("medicine-{uid}@steady"),
                        title("medicine", &name),
                        started,
                        time,
                        "FREQ=DAILY".to_owned(),
                    )?);
                }
                (DoseSchedule::Interval, _, Some(next), Some(every)) => {
                    events.push(
                        Event::new()
                            .uid(&format!("injection-{uid}@steady"))
                            .timestamp(now)
                            .summary(&title("injection", &name))
                            .all_day(parse_day("nextDue", next)?)
                            .add_property("RRULE", format!("FREQ=DAILY;INTERVAL={every}"))
                            .done(),
                    );
                }
                _ => {}
            }
            if let Some(refill) = m.refill_on.as_deref() {
                events.push(
                    Event::new()
                        .uid(&format!("refill-{uid}@steady"))
                        .timestamp(now)
                        .summary(&title("refill", &name))
                        .all_day(parse_day("refillOn", refill)?)
                        .done(),
                );
            }
        }

        // Appointments (and medication reminders, when no medicine is set up
        // to stand for them): at their time on their days of the week.
        let mut stmt = self
            .conn()
            .prepare("SELECT id, uid FROM reminders WHERE enabled = 1 ORDER BY id")?;
        let uids: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for r in self.reminders()?.into_iter().filter(|r| r.enabled) {
            let key = match r.kind {
                ReminderKind::Appointment => "appointment",
                ReminderKind::Medication if medicines.is_empty() => "medicine",
                _ => continue,
            };
            let Some((_, uid)) = uids.iter().find(|(id, _)| *id == r.id) else {
                continue;
            };
            let mut days = r.rule.days.clone();
            days.sort_unstable();
            days.dedup();
            let rrule = if days.len() == 7 {
                "FREQ=DAILY".to_owned()
            } else {
                let by: Vec<&str> = days.iter().map(|d| byday(*d)).collect();
                format!("FREQ=WEEKLY;BYDAY={}", by.join(","))
            };
            let name = r
                .label
                .clone()
                .unwrap_or_else(|| word(lang, &format!("desktop.notify.{key}Unnamed")).to_owned());
            events.push(timed(
                format!("reminder-{uid}@steady"),
                title(key, &name),
                first_on(today, &days),
                &r.rule.time,
                rrule,
            )?);
        }

        let mut calendar = Calendar::empty();
        calendar
            .append_property(("VERSION", "2.0"))
            .append_property(("PRODID", "-//Steady//Steady//EN"))
            .append_property(("CALSCALE", "GREGORIAN"))
            .append_property(("X-WR-CALNAME", calendar_name(lang, discreet)));
        for e in events {
            calendar.push(e);
        }
        // The zone goes first, before the events that name it.
        let text = calendar.done().to_string();
        let at = text
            .find("BEGIN:VEVENT")
            .or_else(|| text.find("END:VCALENDAR"))
            .unwrap_or(text.len());
        Ok(format!(
            "{}{}{}",
            &text[..at],
            vtimezone(tzid, zone, today),
            &text[at..]
        ))
    }
}

/// The calendar's own name, as a calendar app lists it.
fn calendar_name(lang: Language, discreet: bool) -> &'static str {
    if discreet {
        word(lang, "desktop.notify.discreetTitle")
    } else {
        word(lang, "calendarFile.name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zone five hours behind UTC, with US daylight time (second Sunday of
    /// March to first Sunday of November, at 2 a.m.).
    struct Eastern;
    impl LocalZone for Eastern {
        fn local_time(&self, instant: DateTime<Utc>) -> NaiveDateTime {
            let y = instant.year();
            let nth_sunday = |month: u32, n: i64| {
                let first = NaiveDate::from_ymd_opt(y, month, 1).unwrap_or_default();
                let back = i64::from(first.weekday().num_days_from_sunday());
                first + Duration::days((7 - back) % 7 + 7 * (n - 1))
            };
            let start = nth_sunday(3, 2).and_hms_opt(7, 0, 0).unwrap_or_default();
            let end = nth_sunday(11, 1).and_hms_opt(6, 0, 0).unwrap_or_default();
            let utc = instant.naive_utc();
            let hours = if utc >= start && utc < end { 4 } else { 5 };
            utc - Duration::hours(hours)
        }
    }

    #[test]
    fn transitions_are_found_to_the_minute() {
        let t = transitions(&Eastern, 2026, 2026);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].at.to_rfc3339(), "2026-03-08T07:00:00+00:00");
        assert_eq!((t[0].from, t[0].to), (-5 * 3600, -4 * 3600));
        assert_eq!(t[1].at.to_rfc3339(), "2026-11-01T06:00:00+00:00");
        assert_eq!(offset_text(-5 * 3600), "-0500");
        assert_eq!(offset_text(5 * 3600 + 1800), "+0530");
    }

    #[test]
    fn a_zone_is_described_by_its_own_changes() {
        let text = vtimezone(
            "America/New_York",
            &Eastern,
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
        );
        assert!(
            text.starts_with("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"),
            "{text}"
        );
        assert!(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20250309T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"), "{text}");
        assert!(text.contains("BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n"), "{text}");
        assert!(text.contains("RDATE:20261101T020000\r\n"), "{text}");
        assert!(text.lines().all(|l| l.len() <= 75), "no line needs folding");
        assert!(!text.contains("DTSTAMP") && !text.contains("UID"), "{text}");
        // A zone without changes: one STANDARD.
        struct Fixed;
        impl LocalZone for Fixed {
            fn local_time(&self, instant: DateTime<Utc>) -> NaiveDateTime {
                instant.naive_utc() + Duration::minutes(330)
            }
        }
        let fixed = vtimezone(
            "Asia/Kolkata",
            &Fixed,
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
        );
        assert!(fixed.contains("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD"), "{fixed}");
    }
}
