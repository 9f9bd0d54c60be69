//! History brought in from a mood app, starting with Daylio's CSV export:
//! reading the file (today's eight columns or the older seven, a byte-order
//! mark, Windows line ends, quoted notes over several lines), and the
//! preview a person confirms: their mood names mapped to Steady's five
//! moods (Daylio's own five by default), one day from several entries (the
//! lowest mood, every note in time order), and each row that can't be read,
//! with why.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::checkins::NOTE_MAX_CHARS;
use crate::choices::choice;
use crate::error::{Error, Result};
use crate::store::Dao;

/// Daylio's own five moods and the Steady moods they stand for (1 = very
/// low to 5 = very good).
pub const DAYLIO_MOODS: &[(&str, u8)] = &[
    ("rad", 5),
    ("good", 4),
    ("meh", 3),
    ("bad", 2),
    ("awful", 1),
];

/// The biggest file read (ten years of several entries a day is far less).
pub const MOOD_IMPORT_MAX_BYTES: usize = 50 * 1024 * 1024;

/// One entry of the file, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoodEntry {
    /// The file's line the entry starts on (1 is the header).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub line: u64,
    pub day: String,
    /// `HH:MM`, when the file gives a time it can read.
    pub time: Option<String>,
    /// The mood's name as the person called it in the app.
    pub mood: String,
    pub activities: Vec<String>,
    pub title: Option<String>,
    pub note: Option<String>,
}

choice! {
    /// Why a row can't be brought in (the words are the screens').
    pub enum RowTrouble {
        /// Not readable as CSV.
        Csv = "csv",
        /// Not as many columns as the first line.
        Columns = "columns",
        /// A date Steady can't read.
        Date = "date",
        /// No mood.
        Mood = "mood",
        /// A day's notes together are longer than a check-in's note.
        TooLong = "tooLong",
    }
}

/// A row that can't be brought in, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub line: u64,
    pub trouble: RowTrouble,
}

/// What a file holds, before any mapping.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoodFile {
    pub entries: Vec<MoodEntry>,
    pub problems: Vec<RowProblem>,
}

impl MoodFile {
    pub fn view(&self) -> MoodFileView {
        MoodFileView {
            entries: self.entries.len() as u64,
            moods: self
                .mood_names()
                .into_iter()
                .map(|(name, n)| MoodName {
                    usual: DAYLIO_MOODS
                        .iter()
                        .find(|(d, _)| *d == name.to_lowercase())
                        .map(|(_, m)| *m),
                    name,
                    entries: n as u64,
                })
                .collect(),
            problems: self.problems.clone(),
        }
    }

    /// Each mood name in the file with how many entries use it, most used first.
    pub fn mood_names(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &self.entries {
            *counts.entry(e.mood.as_str()).or_default() += 1;
        }
        let mut out: Vec<(String, usize)> =
            counts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// One day as it would come in: the lowest mood of its entries, and every
/// entry's words in time order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportedDay {
    pub day: String,
    pub mood: u8,
    pub note: Option<String>,
    /// How many of the file's entries made it.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entries: u64,
}

/// The preview a person confirms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoodPreview {
    /// Oldest first.
    pub days: Vec<ImportedDay>,
    /// Entries read, and the days with more than one.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entries: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub combined_days: u64,
    /// Mood names with no Steady mood chosen yet (their entries wait).
    pub unmapped: Vec<String>,
    pub problems: Vec<RowProblem>,
    /// Days already checked in here (see [`KeepDay`]).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub conflicts: u64,
}

/// A mood name of the file, how many entries use it, and the Steady mood it
/// stands for unless the person says otherwise (Daylio's own five).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoodName {
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entries: u64,
    pub usual: Option<u8>,
}

/// What a picked file holds, for the screen: its mood names and the rows
/// that can't be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoodFileView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entries: u64,
    pub moods: Vec<MoodName>,
    pub problems: Vec<RowProblem>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u32 + 1)
}

/// An older file's day: its year column and a date like "December 10",
/// "10 December", "Dec 10" or "10 Dec".
fn older_day(year: &str, date: &str) -> Option<NaiveDate> {
    let year: i32 = year.trim().parse().ok()?;
    let words: Vec<&str> = date.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let (m, d) = match words.as_slice() {
        [a, b] => match (month(a), b.parse::<u32>(), month(b), a.parse::<u32>()) {
            (Some(m), Ok(d), _, _) | (_, _, Some(m), Ok(d)) => (m, d),
            _ => return None,
        },
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, m, d)
}

fn text(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

/// Reads a Daylio CSV export. A file that isn't one is refused whole (a
/// validation error naming `file`); a row that can't be read is set aside
/// with its reason, and the rest is read.
pub fn read_daylio(bytes: &[u8]) -> Result<MoodFile> {
    let bad = |m: &str| Error::validation("file", m);
    if bytes.len() > MOOD_IMPORT_MAX_BYTES {
        return Err(bad(
            "That file is over 50 MB, too big to be a mood app's export.",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text_of = std::str::from_utf8(bytes)
        .map_err(|_| bad("That file isn't text Steady can read (UTF-8)."))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text_of.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|_| bad("That file isn't a CSV file."))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let newer = [
        "full_date",
        "date",
        "weekday",
        "time",
        "mood",
        "activities",
        "note_title",
        "note",
    ];
    let older = [
        "year",
        "date",
        "weekday",
        "time",
        "mood",
        "activities",
        "note",
    ];
    let is_newer = header == newer;
    if !is_newer && header != older {
        return Err(bad(
            "That doesn't look like a Daylio export: its first line should name the columns full_date, date, weekday, time, mood, activities, note_title, note.",
        ));
    }
    let mut file = MoodFile::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                file.problems.push(RowProblem {
                    line,
                    trouble: RowTrouble::Csv,
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let problem = |trouble: RowTrouble| RowProblem { line, trouble };
        if record.len() != header.len() {
            file.problems.push(problem(RowTrouble::Columns));
            continue;
        }
        let field = |i: usize| record.get(i).unwrap_or("");
        let day = if is_newer {
            NaiveDate::parse_from_str(field(0).trim(), "%Y-%m-%d").ok()
        } else {
            older_day(field(0), field(1))
        };
        let Some(day) = day else {
            file.problems.push(problem(RowTrouble::Date));
            continue;
        };
        let Some(mood) = text(field(4)) else {
            file.problems.push(problem(RowTrouble::Mood));
            continue;
        };
        let time = ["%H:%M", "%I:%M %p", "%I:%M%p"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(field(3).trim(), f).ok())
            .map(|t| t.format("%H:%M").to_string());
        let (title, note) = if is_newer {
            (text(field(6)), text(field(7)))
        } else {
            (None, text(field(6)))
        };
        file.entries.push(MoodEntry {
            line,
            day: day.format("%Y-%m-%d").to_string(),
            time,
            mood,
            activities: field(5).split(" | ").filter_map(text).collect(),
            title,
            note,
        });
    }
    Ok(file)
}

/// Reads a Daylio export from `path` (its size checked before it is read).
pub fn read_daylio_file(path: &std::path::Path) -> Result<MoodFile> {
    let unreadable =
        |e: std::io::Error| Error::validation("file", format!("That file can't be read: {e}."));
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MOOD_IMPORT_MAX_BYTES as u64 {
        return Err(Error::validation(
            "file",
            "That file is over 50 MB, too big to be a mood app's export.",
        ));
    }
    read_daylio(&std::fs::read(path).map_err(unreadable)?)
}

/// What one entry says, as a line of the day's note.
fn entry_words(e: &MoodEntry) -> String {
    let mut parts = Vec::new();
    let head = match &e.time {
        Some(t) => format!("{t} {}", e.mood),
        None => e.mood.clone(),
    };
    parts.push(head);
    if !e.activities.is_empty() {
        parts.push(e.activities.join(", "));
    }
    if let Some(t) = &e.title {
        parts.push(t.clone());
    }
    if let Some(n) = &e.note {
        parts.push(n.clone());
    }
    parts.join(" · ")
}

/// The days `file` would bring in with `mapping` (mood name, lowercased ->
/// Steady mood 1-5; Daylio's own five are mapped unless `mapping` says
/// otherwise). A name with no mood waits in `unmapped`, its entries out.
pub fn preview_moods(file: &MoodFile, mapping: &BTreeMap<String, u8>) -> Result<MoodPreview> {
    for (name, mood) in mapping {
        if !(1..=5).contains(mood) {
            return Err(Error::validation(
                "mapping",
                format!("\"{name}\" needs one of Steady's five moods (1 to 5)."),
            ));
        }
    }
    let mood_of = |name: &str| -> Option<u8> {
        let key = name.to_lowercase();
        mapping.get(&key).copied().or_else(|| {
            DAYLIO_MOODS
                .iter()
                .find(|(n, _)| *n == key)
                .map(|(_, m)| *m)
        })
    };
    let mut unmapped: Vec<String> = Vec::new();
    let mut by_day: BTreeMap<&str, Vec<(&MoodEntry, u8)>> = BTreeMap::new();
    for e in &file.entries {
        match mood_of(&e.mood) {
            Some(m) => by_day.entry(e.day.as_str()).or_default().push((e, m)),
            None => {
                if !unmapped.contains(&e.mood) {
                    unmapped.push(e.mood.clone());
                }
            }
        }
    }
    let mut problems = file.problems.clone();
    let mut days = Vec::new();
    let mut combined = 0;
    for (day, mut entries) in by_day {
        // The file is newest first; a day's words go in time order.
        entries.sort_by(|a, b| {
            a.0.time
                .cmp(&b.0.time)
                .then(a.0.line.cmp(&b.0.line).reverse())
        });
        if entries.len() > 1 {
            combined += 1;
        }
        let note: Vec<String> = entries.iter().map(|(e, _)| entry_words(e)).collect();
        let note = note.join("\n");
        if note.chars().count() > NOTE_MAX_CHARS {
            problems.push(RowProblem {
                line: entries[0].0.line,
                trouble: RowTrouble::TooLong,
            });
            continue;
        }
        days.push(ImportedDay {
            day: day.to_owned(),
            mood: entries.iter().map(|(_, m)| *m).min().unwrap_or(3),
            note: Some(note),
            entries: entries.len() as u64,
        });
    }
    problems.sort_by_key(|p| p.line);
    Ok(MoodPreview {
        conflicts: 0,
        entries: file.entries.len() as u64,
        combined_days: combined,
        days,
        unmapped,
        problems,
    })
}

choice! {
    /// A day already checked in, when the file has it too.
    pub enum KeepDay {
        /// What is here stays as it is.
        Mine = "mine",
        /// The file's mood; the file's words after any note here; every
        /// other answer here kept.
        Imported = "imported",
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoodImportSummary {
    /// Days that had no check-in and now have one.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub added: u64,
    /// Days checked in here that took the file's mood and words.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub replaced: u64,
    /// Days checked in here that stayed as they were.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub kept: u64,
}

/// The same checks every check-in gets (a real day, not ahead of `today`, a
/// mood of Steady's five, a note that fits), with the day named in the error.
fn check_day(d: &ImportedDay, today: NaiveDate) -> Result<NaiveDate> {
    let day = crate::day::parse_day("days", &d.day)?;
    if day > today {
        return Err(Error::validation(
            "days",
            format!("{} hasn't happened yet.", d.day),
        ));
    }
    if !(1..=5).contains(&d.mood) {
        return Err(Error::validation(
            "days",
            format!("{}: the mood should be one of Steady's five.", d.day),
        ));
    }
    if d.note
        .as_deref()
        .is_some_and(|n| n.chars().count() > NOTE_MAX_CHARS)
    {
        return Err(Error::validation(
            "days",
            format!(
                "{}: the note is longer than {NOTE_MAX_CHARS} characters.",
                d.day
            ),
        ));
    }
    Ok(day)
}

impl Dao<'_> {
    /// [`preview_moods`], with the days already checked in here counted.
    pub fn mood_preview(
        &self,
        file: &MoodFile,
        mapping: &BTreeMap<String, u8>,
    ) -> Result<MoodPreview> {
        let mut preview = preview_moods(file, mapping)?;
        let mut here = self
            .conn()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM checkins WHERE day = ?1)")?;
        for d in &preview.days {
            if here.query_row([&d.day], |r| r.get::<_, bool>(0))? {
                preview.conflicts += 1;
            }
        }
        Ok(preview)
    }

    /// Writes `days` in this write's transaction (all or nothing). A day with
    /// no check-in gets one: its mood and words, and no craving answer (the
    /// other app never asked; it reads "not recorded"). A day checked in here
    /// follows `keep`. Bringing the same file in again adds nothing.
    pub fn import_moods(
        &self,
        days: &[ImportedDay],
        keep: KeepDay,
        today: NaiveDate,
    ) -> Result<MoodImportSummary> {
        for d in days {
            check_day(d, today)?;
        }
        let now = crate::time::now_rfc3339();
        let mut summary = MoodImportSummary::default();
        for d in days {
            let here: Option<(i64, Option<String>)> = self
                .conn()
                .prepare_cached("SELECT id, note FROM checkins WHERE day = ?1")?
                .query_row([&d.day], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match (here, keep) {
                (None, _) => {
                    self.conn()
                        .prepare_cached(
                            "INSERT INTO checkins (day, mood, note, created_at, updated_at)
                             VALUES (?1, ?2, ?3, ?4, ?4)",
                        )?
                        .execute(params![d.day, d.mood, d.note, now])?;
                    summary.added += 1;
                }
                (Some(_), KeepDay::Mine) => summary.kept += 1,
                (Some((id, mine)), KeepDay::Imported) => {
                    // Nothing the person wrote here is lost: the file's words
                    // follow theirs (once: a second import doesn't repeat them).
                    let note = match (mine, d.note.as_deref()) {
                        (Some(m), Some(n)) if m.ends_with(n) => Some(m),
                        (Some(m), Some(n)) => Some(format!("{m}\n\n{n}")),
                        (m, n) => m.or_else(|| n.map(str::to_owned)),
                    };
                    if note
                        .as_deref()
                        .is_some_and(|n| n.chars().count() > NOTE_MAX_CHARS)
                    {
                        return Err(Error::validation(
                            "days",
                            format!(
                                "{}: your note and the file's together are longer than {NOTE_MAX_CHARS} characters; keep yours for that day.",
                                d.day
                            ),
                        ));
                    }
                    self.conn()
                        .prepare_cached(
                            "UPDATE checkins SET mood = ?2, note = ?3, updated_at = ?4 WHERE id = ?1",
                        )?
                        .execute(params![id, d.mood, note, now])?;
                    summary.replaced += 1;
                }
            }
        }
        Ok(summary)
    }
}

impl crate::store::Store {
    /// Checks `days`, backs up (see [`crate::Store::back_up_before_import`]),
    /// then writes them in one transaction.
    pub fn import_moods_with_backup<Tz: chrono::TimeZone>(
        &self,
        days: &[ImportedDay],
        keep: KeepDay,
        backups: &std::path::Path,
        now: chrono::DateTime<chrono::Utc>,
        tz: &Tz,
    ) -> Result<(MoodImportSummary, crate::backup::Backup)> {
        let today = now.with_timezone(tz).date_naive();
        for d in days {
            check_day(d, today)?;
        }
        let backup = self.back_up_before_import(backups, now, tz)?;
        let summary = self.write(|dao| dao.import_moods(days, keep, today))?;
        Ok((summary, backup))
    }
}
