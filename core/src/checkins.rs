//! The daily check-in: at most one per local calendar day, saved again to update.
//! Optional answers left blank are stored as NULL ("not answered"), never as 0.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::day::{check_in_window, format_day, parse_day};
use crate::error::{Error, Result};
use crate::number::{optional_whole as optional, required_whole as required};
use crate::store::Dao;
use crate::text::{optional_text, reject_nul};

pub const GOOD_THING_MAX_CHARS: usize = 280;
pub const NOTE_MAX_CHARS: usize = 5000;
/// A draft is kept as typed, within reason.
pub const DRAFT_MAX_BYTES: usize = 100_000;

choice! {
    /// "Did you take your medication as prescribed?"
    pub enum Medication {
        Yes = "yes",
        No = "no",
        NotOnMedication = "notOnMedication",
    }
}

choice! {
    /// Treatment and support today (several may be chosen; `none` stands alone).
    pub enum Support {
        Meeting = "meeting",
        Counseling = "counseling",
        SupportPerson = "supportPerson",
        None = "none",
    }
}

choice! {
    /// Self-care today (several may be chosen).
    pub enum SelfCare {
        Meals = "meals",
        Movement = "movement",
        Outside = "outside",
        Connected = "connected",
        Relaxation = "relaxation",
        Water = "water",
    }
}

choice! {
    /// The HALT states, each a question on the check-in and the craving log.
    pub enum HaltState {
        Hungry = "hungry",
        Angry = "angry",
        Lonely = "lonely",
        Tired = "tired",
    }
}

/// The HALT states marked on a check-in or a craving. (The IPC and the store
/// keep them as four flags named by [`HaltState`]'s words.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

impl Halt {
    pub fn is_marked(self, state: HaltState) -> bool {
        match state {
            HaltState::Hungry => self.hungry,
            HaltState::Angry => self.angry,
            HaltState::Lonely => self.lonely,
            HaltState::Tired => self.tired,
        }
    }
}

/// A check-in as the user filled it in. Numbers arrive as JSON numbers and are
/// checked here (range and step), so a bad one is a `validation` error naming
/// its field. Also the shape of a draft, which is stored unchecked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckinInput {
    pub day: String,
    pub mood: Option<f64>,
    pub craving: Option<f64>,
    #[serde(default)]
    pub hungry: bool,
    #[serde(default)]
    pub angry: bool,
    #[serde(default)]
    pub lonely: bool,
    #[serde(default)]
    pub tired: bool,
    pub stress: Option<f64>,
    pub pain: Option<f64>,
    pub sleep_hours: Option<f64>,
    pub sleep_quality: Option<f64>,
    pub used_opioids: Option<bool>,
    #[cfg_attr(feature = "ts", ts(as = "Option<Medication>"))]
    pub medication: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Vec<Support>"))]
    pub support: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Vec<SelfCare>"))]
    pub self_care: Vec<String>,
    pub good_thing: Option<String>,
    pub note: Option<String>,
}

/// A saved check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Checkin {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub day: String,
    pub mood: u8,
    /// `None` for a day brought in from another app, which never asked.
    pub craving: Option<u8>,
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
    pub stress: Option<u8>,
    pub pain: Option<u8>,
    pub sleep_hours: Option<f64>,
    pub sleep_quality: Option<u8>,
    pub used_opioids: Option<bool>,
    pub medication: Option<Medication>,
    pub support: Vec<Support>,
    pub self_care: Vec<SelfCare>,
    pub good_thing: Option<String>,
    pub note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// One day in the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CheckinDay {
    pub day: String,
    pub mood: u8,
    pub used_opioids: Option<bool>,
}

/// Everything a check-in screen needs for one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CheckinView {
    /// Today on this computer, so the UI never works it out alone.
    pub today: String,
    pub day: String,
    pub checkin: Option<Checkin>,
    pub draft: Option<CheckinInput>,
}

/// A validated check-in, ready to store.
#[derive(Debug, Clone, PartialEq)]
struct Valid {
    day: NaiveDate,
    mood: u8,
    craving: u8,
    halt: Halt,
    stress: Option<u8>,
    pain: Option<u8>,
    sleep_half_hours: Option<u8>,
    sleep_quality: Option<u8>,
    used_opioids: Option<bool>,
    medication: Option<Medication>,
    support: Vec<Support>,
    self_care: Vec<SelfCare>,
    good_thing: Option<String>,
    note: Option<String>,
}

fn sleep_half_hours(value: Option<f64>) -> Result<Option<u8>> {
    const FIELD: &str = "sleepHours";
    let Some(hours) = value else { return Ok(None) };
    if !hours.is_finite() || (hours * 2.0).fract() != 0.0 {
        return Err(Error::validation(
            FIELD,
            "Use whole or half hours, like 7 or 7.5.",
        ));
    }
    if !(0.0..=24.0).contains(&hours) {
        return Err(Error::validation(FIELD, "Choose from 0 to 24 hours."));
    }
    Ok(Some((hours * 2.0) as u8))
}

/// The choices named in `given`, each once, in the order they are offered.
fn choices<C: Choice>(field: &'static str, given: &[String]) -> Result<Vec<C>> {
    let mut out: Vec<C> = Vec::new();
    for word in given {
        let choice = C::parse(field, word, format!("\"{word}\" isn't one of the choices."))?;
        if !out.contains(&choice) {
            out.push(choice);
        }
    }
    Ok(out)
}

/// Sorts chosen words in the order they are offered.
fn sorted<C: Choice>(mut chosen: Vec<C>) -> Vec<C> {
    chosen.sort_by_key(|c| c.position());
    chosen
}

impl CheckinInput {
    fn validate(&self, today: NaiveDate) -> Result<Valid> {
        let day = parse_day("day", &self.day)?;
        check_in_window("day", day, today)?;
        let medication = self
            .medication
            .as_deref()
            .map(|m| Medication::parse("medication", m, "Choose yes, no, or not on medication."))
            .transpose()?;
        let support: Vec<Support> = choices("support", &self.support)?;
        if support.contains(&Support::None) && support.len() > 1 {
            return Err(Error::validation(
                "support",
                "\"None\" can't go with other choices.",
            ));
        }
        Ok(Valid {
            day,
            mood: required("mood", self.mood, 1, 5)?,
            craving: required("craving", self.craving, 0, 10)?,
            halt: Halt {
                hungry: self.hungry,
                angry: self.angry,
                lonely: self.lonely,
                tired: self.tired,
            },
            stress: optional("stress", self.stress, 0, 10)?,
            pain: optional("pain", self.pain, 0, 10)?,
            sleep_half_hours: sleep_half_hours(self.sleep_hours)?,
            sleep_quality: optional("sleepQuality", self.sleep_quality, 1, 5)?,
            used_opioids: self.used_opioids,
            medication,
            support: sorted(support),
            self_care: sorted(choices("selfCare", &self.self_care)?),
            good_thing: optional_text(
                "goodThing",
                self.good_thing.as_deref(),
                GOOD_THING_MAX_CHARS,
            )?,
            note: optional_text("note", self.note.as_deref(), NOTE_MAX_CHARS)?,
        })
    }
}

const CHECKIN_COLUMNS: &str = "id, day, mood, craving, hungry, angry, lonely, tired, stress, pain, \
     sleep_half_hours, sleep_quality, used_opioids, medication, good_thing, note, created_at, updated_at";

fn checkin_from_row(row: &Row<'_>) -> rusqlite::Result<Checkin> {
    let half_hours: Option<u8> = row.get("sleep_half_hours")?;
    Ok(Checkin {
        id: row.get("id")?,
        day: row.get("day")?,
        mood: row.get("mood")?,
        craving: row.get("craving")?,
        hungry: row.get("hungry")?,
        angry: row.get("angry")?,
        lonely: row.get("lonely")?,
        tired: row.get("tired")?,
        stress: row.get("stress")?,
        pain: row.get("pain")?,
        sleep_hours: half_hours.map(|h| f64::from(h) / 2.0),
        sleep_quality: row.get("sleep_quality")?,
        used_opioids: row.get("used_opioids")?,
        medication: row.get("medication")?,
        support: Vec::new(),
        self_care: Vec::new(),
        good_thing: row.get("good_thing")?,
        note: row.get("note")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

impl Dao<'_> {
    fn fill_choices(&self, checkin: &mut Checkin) -> Result<()> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT question, choice FROM checkin_choices WHERE checkin_id = ?1")?;
        let rows = stmt.query_map([checkin.id], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (question, choice) = row?;
            if question == "support" {
                checkin.support.extend(Support::from_word(&choice));
            } else {
                checkin.self_care.extend(SelfCare::from_word(&choice));
            }
        }
        checkin.support = sorted(std::mem::take(&mut checkin.support));
        checkin.self_care = sorted(std::mem::take(&mut checkin.self_care));
        Ok(())
    }

    /// The check-in for `day`, if there is one.
    pub fn checkin(&self, day: &str) -> Result<Option<Checkin>> {
        let day = parse_day("day", day)?;
        let found = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {CHECKIN_COLUMNS} FROM checkins WHERE day = ?1"
            ))?
            .query_row([format_day(day)], checkin_from_row)
            .optional()?;
        match found {
            Some(mut checkin) => {
                self.fill_choices(&mut checkin)?;
                Ok(Some(checkin))
            }
            None => Ok(None),
        }
    }

    /// Saves the check-in for its day: creates it, or updates the one already
    /// there (there is never more than one per day). Clears that day's draft.
    /// Choosing "not on medication" is remembered as a setting.
    pub fn save_checkin(&self, input: &CheckinInput, today: NaiveDate) -> Result<Checkin> {
        let v = input.validate(today)?;
        let day = format_day(v.day);
        let now = crate::time::now_rfc3339();
        // Cached statements: a check-in is saved often, and parsing is most of the cost.
        let id: i64 = self.conn().prepare_cached(
            "INSERT INTO checkins (day, mood, craving, hungry, angry, lonely, tired, stress, pain,
                 sleep_half_hours, sleep_quality, used_opioids, medication, good_thing, note,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)
             ON CONFLICT (day) DO UPDATE SET
                 mood = excluded.mood, craving = excluded.craving,
                 hungry = excluded.hungry, angry = excluded.angry,
                 lonely = excluded.lonely, tired = excluded.tired,
                 stress = excluded.stress, pain = excluded.pain,
                 sleep_half_hours = excluded.sleep_half_hours,
                 sleep_quality = excluded.sleep_quality,
                 used_opioids = excluded.used_opioids, medication = excluded.medication,
                 good_thing = excluded.good_thing, note = excluded.note,
                 updated_at = excluded.updated_at
             RETURNING id",
        )?.query_row(
            params![
                day,
                v.mood,
                v.craving,
                v.halt.hungry,
                v.halt.angry,
                v.halt.lonely,
                v.halt.tired,
                v.stress,
                v.pain,
                v.sleep_half_hours,
                v.sleep_quality,
                v.used_opioids,
                v.medication,
                v.good_thing,
                v.note,
                now,
            ],
            |row| row.get(0),
        )?;
        self.conn()
            .prepare_cached("DELETE FROM checkin_choices WHERE checkin_id = ?1")?
            .execute([id])?;
        let mut insert = self.conn().prepare_cached(
            "INSERT INTO checkin_choices (checkin_id, question, choice) VALUES (?1, ?2, ?3)",
        )?;
        for choice in &v.support {
            insert.execute(params![id, "support", choice])?;
        }
        for choice in &v.self_care {
            insert.execute(params![id, "selfCare", choice])?;
        }
        self.conn()
            .prepare_cached("DELETE FROM checkin_drafts WHERE day = ?1")?
            .execute([&day])?;
        if v.medication == Some(Medication::NotOnMedication) {
            self.set_not_on_medication(true)?;
        }
        self.checkin(&day)?
            .ok_or_else(|| Error::Storage("the saved check-in could not be read back".into()))
    }

    /// The check-in and draft for `day` (today when `None`), with today's date.
    pub fn checkin_view(&self, day: Option<&str>, today: NaiveDate) -> Result<CheckinView> {
        let day = match day {
            Some(d) => {
                let d = parse_day("day", d)?;
                check_in_window("day", d, today)?;
                d
            }
            None => today,
        };
        let day = format_day(day);
        Ok(CheckinView {
            today: format_day(today),
            checkin: self.checkin(&day)?,
            draft: self.checkin_draft(&day)?,
            day,
        })
    }

    /// Deletes the check-in for `day`. `notFound` if there is none.
    pub fn delete_checkin(&self, day: &str) -> Result<()> {
        let day = format_day(parse_day("day", day)?);
        let deleted = self
            .conn()
            .execute("DELETE FROM checkins WHERE day = ?1", [&day])?;
        if deleted == 0 {
            return Err(Error::NotFound(format!("no check-in on {day}")));
        }
        Ok(())
    }

    /// The days from `from` to `to` (inclusive) that have a check-in, oldest first.
    pub fn checkin_days(&self, from: &str, to: &str) -> Result<Vec<CheckinDay>> {
        let from = format_day(parse_day("from", from)?);
        let to = format_day(parse_day("to", to)?);
        let mut stmt = self.conn().prepare_cached(
            "SELECT day, mood, used_opioids FROM checkins WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
        )?;
        let rows = stmt.query_map([from, to], |row| {
            Ok(CheckinDay {
                day: row.get(0)?,
                mood: row.get(1)?,
                used_opioids: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps what the user has entered for `draft.day` so far, unchecked but for
    /// the day and a size limit. Replaces the day's previous draft.
    pub fn save_checkin_draft(&self, draft: &CheckinInput, today: NaiveDate) -> Result<()> {
        let day = parse_day("day", &draft.day)?;
        check_in_window("day", day, today)?;
        for text in [&draft.good_thing, &draft.note].into_iter().flatten() {
            reject_nul("draft", text)?;
        }
        let body = serde_json::to_string(draft)
            .map_err(|e| Error::Storage(format!("could not encode the draft: {e}")))?;
        if body.len() > DRAFT_MAX_BYTES {
            return Err(Error::validation(
                "draft",
                "This is too long to keep as a draft.",
            ));
        }
        self.conn().execute(
            "INSERT INTO checkin_drafts (day, body, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (day) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![format_day(day), body, crate::time::now_rfc3339()],
        )?;
        Ok(())
    }

    /// The unsaved draft for `day`, if any. A draft that no longer reads is
    /// reported as none rather than blocking the check-in.
    pub fn checkin_draft(&self, day: &str) -> Result<Option<CheckinInput>> {
        let day = format_day(parse_day("day", day)?);
        let body: Option<String> = self
            .conn()
            .query_row(
                "SELECT body FROM checkin_drafts WHERE day = ?1",
                [&day],
                |row| row.get(0),
            )
            .optional()?;
        Ok(body.and_then(|b| serde_json::from_str::<CheckinInput>(&b).ok()))
    }

    /// Throws away the draft for `day` (nothing happens if there is none).
    pub fn clear_checkin_draft(&self, day: &str) -> Result<()> {
        let day = format_day(parse_day("day", day)?);
        self.conn()
            .prepare_cached("DELETE FROM checkin_drafts WHERE day = ?1")?
            .execute([&day])?;
        Ok(())
    }
}
