//! Medication for opioid use disorder (and any other prescription): what the
//! prescriber set, kept as written, and each dose as it was taken. Steady
//! never computes or advises a dose; the schedule only says which days a dose
//! is due, and Today says when it is time to call the clinic.
//!
//! A dose belongs to the local day it is for (one record per medicine and
//! day: taken, or not taken; "later" is no record yet). An injection's next
//! date follows the last one taken. Take-home doses and doses on hand count
//! down as doses are logged, and back up if a log is changed.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::day::{LocalZone, check_in_window, format_day, format_instant, parse_clock, parse_day};
use crate::error::{Error, Result};
use crate::store::Dao;
use crate::text::optional_text;

/// The default "call your clinic" point: missed days in a row for a daily
/// medicine, days late for an injection (DOMAIN.md; the person can change it).
pub const DEFAULT_CALL_AFTER_DAILY: u8 = 2;
pub const DEFAULT_CALL_AFTER_INTERVAL: u8 = 1;
/// A refill this many days ahead shows on Today and gets a notice, unless
/// the person chose another number of days.
pub const REFILL_NOTICE_DAYS: i64 = 7;
/// The setting with the person's own number of days.
const KEY_NOTICE_DAYS: &str = "medicationNoticeDays";
/// Take-homes or doses on hand for this many days or fewer: "running out".
pub const RUNNING_OUT_DAYS: u32 = 3;
pub const MEDICINE_NAME_MAX_CHARS: usize = 100;
pub const DOSE_TEXT_MAX_CHARS: usize = 200;
pub const DOSE_NOTE_MAX_CHARS: usize = 500;

choice! {
    /// Which medicine: the three for opioid use disorder (buprenorphine as a
    /// film or tablet or as an injection; methadone; extended-release
    /// naltrexone) or another prescription, named by the person.
    pub enum MedicineKind {
        Buprenorphine = "buprenorphine",
        BuprenorphineInjection = "buprenorphineInjection",
        Methadone = "methadone",
        NaltrexoneInjection = "naltrexoneInjection",
        Other = "other",
    }
}

choice! {
    /// Every day at a time, or every so many days (injections).
    pub enum DoseSchedule {
        Daily = "daily",
        Interval = "interval",
    }
}

choice! {
    /// What happened with a day's dose.
    pub enum DoseStatus {
        Taken = "taken",
        NotTaken = "notTaken",
    }
}

/// A medicine as the person (often with their prescriber) sets it up.
/// Numbers arrive as JSON numbers and are checked here.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MedicineInput {
    #[cfg_attr(feature = "ts", ts(as = "MedicineKind"))]
    pub kind: String,
    /// The person's name for it (required for "other").
    pub name: Option<String>,
    #[cfg_attr(feature = "ts", ts(as = "DoseSchedule"))]
    pub schedule: String,
    /// Daily: the time, `HH:MM`.
    pub time: Option<String>,
    /// Interval: every this many days (28 for a monthly injection).
    pub every_days: Option<f64>,
    /// Interval: the next one's day.
    pub next_due: Option<String>,
    /// The dose as the prescriber wrote it.
    pub dose: Option<String>,
    /// The clinic or prescriber (a support person).
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub contact_id: Option<i64>,
    pub pharmacy: Option<String>,
    pub refill_on: Option<String>,
    pub doses_left: Option<f64>,
    pub take_homes: Option<f64>,
    /// Missed days in a row (daily) or days late (interval) before Today says
    /// to call the clinic; the default when absent.
    pub call_after: Option<f64>,
    /// The first day; today when absent.
    pub started_on: Option<String>,
}

/// A saved medicine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Medicine {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub kind: MedicineKind,
    pub name: Option<String>,
    pub schedule: DoseSchedule,
    pub time: Option<String>,
    pub every_days: Option<u16>,
    /// Interval: the next one's day (after the last injection taken).
    pub next_due: Option<String>,
    pub dose: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub contact_id: Option<i64>,
    pub pharmacy: Option<String>,
    pub refill_on: Option<String>,
    pub doses_left: Option<u32>,
    pub take_homes: Option<u32>,
    pub call_after: u8,
    pub started_on: String,
    pub stopped_on: Option<String>,
    /// Whether the stop was planned with the prescriber.
    pub stop_planned: Option<bool>,
    pub created_at: String,
    pub updated_at: String,
}

/// One day's dose as the person logs it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DoseInput {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub medicine_id: i64,
    /// The local day the dose is for.
    pub day: String,
    #[cfg_attr(feature = "ts", ts(as = "DoseStatus"))]
    pub status: String,
    /// Taken at the clinic, in front of staff.
    #[serde(default)]
    pub observed: bool,
    /// One of the take-home doses.
    #[serde(default)]
    pub take_home: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Dose {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub medicine_id: i64,
    pub day: String,
    pub status: DoseStatus,
    /// When it was logged as taken (RFC 3339).
    pub taken_at: Option<String>,
    pub observed: bool,
    pub take_home: bool,
    /// Logged on a later day than the one it is for.
    pub late: bool,
    pub note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// One week of a daily medicine: doses taken of the days it was scheduled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DoseWeek {
    /// The Monday that starts it.
    pub week: String,
    pub scheduled: u32,
    pub taken: u32,
}

/// A medicine over a range of days, as Progress and the report show it: a
/// count, never a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MedicineProgress {
    pub medicine: Medicine,
    /// Daily: days it was scheduled in the range (from its start, to its stop).
    pub scheduled: u32,
    /// Doses taken in the range.
    pub taken: u32,
    /// Daily: week by week, oldest first.
    pub weeks: Vec<DoseWeek>,
    /// Interval: the days an injection was given in the range.
    pub given: Vec<String>,
}

/// A medicine as Today shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MedicineToday {
    pub medicine: Medicine,
    /// A dose is scheduled today (every day for a daily medicine; on or after
    /// the next date for an injection not yet taken).
    pub due_today: bool,
    /// What is logged for today.
    pub today: Option<Dose>,
    /// Daily: scheduled days in a row up to yesterday without a dose taken
    /// (none once today's is taken).
    pub missed_in_a_row: u32,
    /// Interval: days past the next date without it taken.
    pub days_late: u32,
    /// Time to call the clinic (the person's own point, `call_after`).
    pub call_clinic: bool,
    /// The refill is due within the person's days ([`REFILL_NOTICE_DAYS`]
    /// unless chosen), or overdue.
    pub refill_soon: bool,
    /// Daily: how many days the take-homes (or the doses on hand) last.
    pub days_left: Option<u32>,
    /// Few days left ([`RUNNING_OUT_DAYS`] or fewer).
    pub running_out: bool,
}

struct Valid {
    kind: MedicineKind,
    name: Option<String>,
    schedule: DoseSchedule,
    time: Option<String>,
    every_days: Option<u16>,
    next_due: Option<NaiveDate>,
    dose: Option<String>,
    contact_id: Option<i64>,
    pharmacy: Option<String>,
    refill_on: Option<NaiveDate>,
    doses_left: Option<u32>,
    take_homes: Option<u32>,
    call_after: u8,
    started_on: NaiveDate,
}

/// A whole number in `min..=max`, or `None`.
fn count(field: &'static str, value: Option<f64>, min: u32, max: u32) -> Result<Option<u32>> {
    let Some(v) = value else { return Ok(None) };
    if !v.is_finite() || v.fract() != 0.0 || v < f64::from(min) || v > f64::from(max) {
        return Err(Error::validation(
            field,
            format!("Use a whole number from {min} to {max}."),
        ));
    }
    // Whole and in range, so the cast is exact.
    Ok(Some(v as u32))
}

fn optional_day(field: &'static str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    value
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| parse_day(field, d))
        .transpose()
}

impl MedicineInput {
    fn validate(&self, dao: &Dao<'_>, today: NaiveDate) -> Result<Valid> {
        let kind = MedicineKind::parse("kind", &self.kind, "Choose which medicine it is.")?;
        let name = optional_text("name", self.name.as_deref(), MEDICINE_NAME_MAX_CHARS)?;
        if kind == MedicineKind::Other && name.is_none() {
            return Err(Error::validation("name", "Give it a name."));
        }
        let schedule = DoseSchedule::parse(
            "schedule",
            &self.schedule,
            "Choose every day or every so many days.",
        )?;
        let (time, every_days, next_due) = match schedule {
            DoseSchedule::Daily => {
                let time = self
                    .time
                    .as_deref()
                    .ok_or_else(|| Error::validation("time", "Choose a time of day."))?;
                let time = parse_clock("time", time)?.format("%H:%M").to_string();
                (Some(time), None, None)
            }
            DoseSchedule::Interval => {
                let every = count("everyDays", self.every_days, 1, 366)?.ok_or_else(|| {
                    Error::validation("everyDays", "Say how many days apart they are.")
                })?;
                let next = optional_day("nextDue", self.next_due.as_deref())?
                    .ok_or_else(|| Error::validation("nextDue", "Choose the next one's day."))?;
                if next < today - Duration::days(366) || next > today + Duration::days(366) {
                    return Err(Error::validation(
                        "nextDue",
                        "Choose a day within a year from today.",
                    ));
                }
                // Whole and at most 366, so it fits.
                (None, Some(every as u16), Some(next))
            }
        };
        if let Some(contact) = self.contact_id {
            let exists = dao
                .conn()
                .query_row(
                    "SELECT 1 FROM contacts WHERE id = ?1",
                    [contact],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if !exists {
                return Err(Error::validation(
                    "contactId",
                    "That person isn't in your support people any more.",
                ));
            }
        }
        let refill_on = optional_day("refillOn", self.refill_on.as_deref())?;
        let default_call = match schedule {
            DoseSchedule::Daily => DEFAULT_CALL_AFTER_DAILY,
            DoseSchedule::Interval => DEFAULT_CALL_AFTER_INTERVAL,
        };
        let call_after = count("callAfter", self.call_after, 1, 60)?
            // At most 60, so it fits.
            .map_or(default_call, |c| c as u8);
        let started_on = optional_day("startedOn", self.started_on.as_deref())?.unwrap_or(today);
        check_in_window("startedOn", started_on, today)?;
        Ok(Valid {
            kind,
            name,
            schedule,
            time,
            every_days,
            next_due,
            dose: optional_text("dose", self.dose.as_deref(), DOSE_TEXT_MAX_CHARS)?,
            contact_id: self.contact_id,
            pharmacy: optional_text("pharmacy", self.pharmacy.as_deref(), DOSE_TEXT_MAX_CHARS)?,
            refill_on,
            doses_left: count("dosesLeft", self.doses_left, 0, 10_000)?,
            take_homes: count("takeHomes", self.take_homes, 0, 1000)?,
            call_after,
            started_on,
        })
    }
}

const MEDICINE_COLUMNS: &str = "id, kind, name, schedule, time, every_days, next_due, dose, \
     contact_id, pharmacy, refill_on, doses_left, take_homes, call_after, started_on, stopped_on, \
     stop_planned, created_at, updated_at";

fn medicine_from_row(row: &Row<'_>) -> rusqlite::Result<Medicine> {
    Ok(Medicine {
        id: row.get("id")?,
        kind: row.get("kind")?,
        name: row.get("name")?,
        schedule: row.get("schedule")?,
        time: row.get("time")?,
        every_days: row.get("every_days")?,
        next_due: row.get("next_due")?,
        dose: row.get("dose")?,
        contact_id: row.get("contact_id")?,
        pharmacy: row.get("pharmacy")?,
        refill_on: row.get("refill_on")?,
        doses_left: row.get("doses_left")?,
        take_homes: row.get("take_homes")?,
        call_after: row.get("call_after")?,
        started_on: row.get("started_on")?,
        stopped_on: row.get("stopped_on")?,
        stop_planned: row.get("stop_planned")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

const DOSE_COLUMNS: &str = "id, medicine_id, day, status, taken_at, observed, take_home, late, note, created_at, updated_at";

fn dose_from_row(row: &Row<'_>) -> rusqlite::Result<Dose> {
    Ok(Dose {
        id: row.get("id")?,
        medicine_id: row.get("medicine_id")?,
        day: row.get("day")?,
        status: row.get("status")?,
        taken_at: row.get("taken_at")?,
        observed: row.get("observed")?,
        take_home: row.get("take_home")?,
        late: row.get("late")?,
        note: row.get("note")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

/// Days ahead a refill shows, as the person chose them: 1 to 30.
pub(crate) fn notice_days(value: f64) -> Result<i64> {
    count("medicationNoticeDays", Some(value), 1, 30)?
        .map(i64::from)
        .ok_or_else(|| Error::validation("medicationNoticeDays", "Choose from 1 to 30 days."))
}

/// Scheduled days in a row, counting back from `yesterday` to `first`, with
/// no dose taken (`taken(day)`); at most `limit`.
pub fn missed_in_a_row(
    first: NaiveDate,
    yesterday: NaiveDate,
    limit: u32,
    taken: impl Fn(NaiveDate) -> bool,
) -> u32 {
    let mut missed = 0;
    let mut day = yesterday;
    while day >= first && missed < limit && !taken(day) {
        missed += 1;
        day -= Duration::days(1);
    }
    missed
}

impl Dao<'_> {
    /// Adds a medicine (`id` `None`) or changes one. A stopped medicine stays stopped.
    pub fn save_medicine(
        &self,
        id: Option<i64>,
        input: &MedicineInput,
        today: NaiveDate,
    ) -> Result<Medicine> {
        let v = input.validate(self, today)?;
        let now = crate::time::now_rfc3339();
        let fields = params![
            v.kind,
            v.name,
            v.schedule,
            v.time,
            v.every_days,
            v.next_due.map(format_day),
            v.dose,
            v.contact_id,
            v.pharmacy,
            v.refill_on.map(format_day),
            v.doses_left,
            v.take_homes,
            v.call_after,
            format_day(v.started_on),
            now,
        ];
        let id = match id {
            None => {
                self.conn().execute(
                    "INSERT INTO medicines (kind, name, schedule, time, every_days, next_due, dose,
                         contact_id, pharmacy, refill_on, doses_left, take_homes, call_after,
                         started_on, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                    fields,
                )?;
                self.conn().last_insert_rowid()
            }
            Some(id) => {
                let current = self.medicine(id)?;
                if current
                    .stopped_on
                    .as_deref()
                    .is_some_and(|s| s < format_day(v.started_on).as_str())
                {
                    return Err(Error::validation(
                        "startedOn",
                        "It was stopped before that day.",
                    ));
                }
                let mut with_id = fields.to_vec();
                with_id.push(&id);
                let changed = self.conn().execute(
                    "UPDATE medicines SET kind = ?1, name = ?2, schedule = ?3, time = ?4,
                         every_days = ?5, next_due = ?6, dose = ?7, contact_id = ?8, pharmacy = ?9,
                         refill_on = ?10, doses_left = ?11, take_homes = ?12, call_after = ?13,
                         started_on = ?14, updated_at = ?15
                     WHERE id = ?16",
                    with_id.as_slice(),
                )?;
                debug_assert_eq!(changed, 1);
                id
            }
        };
        self.medicine(id)
    }

    pub fn medicine(&self, id: i64) -> Result<Medicine> {
        let mut medicine = self
            .conn()
            .query_row(
                &format!("SELECT {MEDICINE_COLUMNS} FROM medicines WHERE id = ?1"),
                [id],
                medicine_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no medicine {id}")))?;
        self.follow_last_injection(&mut medicine)?;
        Ok(medicine)
    }

    /// The medicines, current first (in the order they were added), then the
    /// stopped ones when asked, most recently stopped first.
    pub fn medicines(&self, include_stopped: bool) -> Result<Vec<Medicine>> {
        let sql = format!(
            "SELECT {MEDICINE_COLUMNS} FROM medicines {} ORDER BY stopped_on IS NOT NULL, stopped_on DESC, id",
            if include_stopped {
                ""
            } else {
                "WHERE stopped_on IS NULL"
            }
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut out: Vec<Medicine> = stmt
            .query_map([], medicine_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for m in &mut out {
            self.follow_last_injection(m)?;
        }
        Ok(out)
    }

    /// An injection's next date follows the last one taken.
    fn follow_last_injection(&self, medicine: &mut Medicine) -> Result<()> {
        let Some(every) = medicine.every_days else {
            return Ok(());
        };
        let last: Option<String> = self.conn().query_row(
            "SELECT max(day) FROM doses WHERE medicine_id = ?1 AND status = 'taken'",
            [medicine.id],
            |row| row.get(0),
        )?;
        if let Some(last) = last.and_then(|d| parse_day("day", &d).ok()) {
            medicine.next_due = Some(format_day(last + Duration::days(i64::from(every))));
        }
        Ok(())
    }

    /// Marks a medicine stopped on `day` (today when `None`), and whether the
    /// stop was planned with the prescriber. Its doses stay.
    pub fn stop_medicine(
        &self,
        id: i64,
        day: Option<&str>,
        planned: bool,
        today: NaiveDate,
    ) -> Result<Medicine> {
        let medicine = self.medicine(id)?;
        let day = day.map_or(Ok(today), |d| parse_day("stoppedOn", d))?;
        check_in_window("stoppedOn", day, today)?;
        if format_day(day) < medicine.started_on {
            return Err(Error::validation(
                "stoppedOn",
                "That is before it was started.",
            ));
        }
        self.conn().execute(
            "UPDATE medicines SET stopped_on = ?2, stop_planned = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, format_day(day), planned, crate::time::now_rfc3339()],
        )?;
        self.medicine(id)
    }

    /// Takes a stopped medicine up again from `day` (today when `None`); its
    /// past doses stay.
    pub fn restart_medicine(
        &self,
        id: i64,
        day: Option<&str>,
        today: NaiveDate,
    ) -> Result<Medicine> {
        self.medicine(id)?;
        let day = day.map_or(Ok(today), |d| parse_day("startedOn", d))?;
        check_in_window("startedOn", day, today)?;
        self.conn().execute(
            "UPDATE medicines SET started_on = ?2, stopped_on = NULL, stop_planned = NULL,
                 updated_at = ?3 WHERE id = ?1",
            params![id, format_day(day), crate::time::now_rfc3339()],
        )?;
        self.medicine(id)
    }

    /// Logs one day's dose (or changes what was logged for that day). A
    /// take-home dose and a dose taken count down what is on hand; changing the
    /// log gives them back.
    pub fn log_dose(
        &self,
        input: &DoseInput,
        now: DateTime<Utc>,
        zone: &dyn LocalZone,
    ) -> Result<Dose> {
        let medicine = self.medicine(input.medicine_id).map_err(|e| match e {
            Error::NotFound(_) => {
                Error::validation("medicineId", "That medicine isn't in your list any more.")
            }
            other => other,
        })?;
        let today = zone.day_of(now);
        let day = parse_day("day", &input.day)?;
        check_in_window("day", day, today)?;
        let day_text = format_day(day);
        if day_text < medicine.started_on
            || medicine
                .stopped_on
                .as_deref()
                .is_some_and(|s| day_text.as_str() > s)
        {
            return Err(Error::validation("day", "It wasn't being taken that day."));
        }
        let status = DoseStatus::parse("status", &input.status, "Choose taken or not taken.")?;
        let taken = status == DoseStatus::Taken;
        if !taken && (input.observed || input.take_home) {
            return Err(Error::validation(
                if input.observed {
                    "observed"
                } else {
                    "takeHome"
                },
                "Only a dose taken can be at the clinic or a take-home.",
            ));
        }
        let note = optional_text("note", input.note.as_deref(), DOSE_NOTE_MAX_CHARS)?;
        let before: Option<Dose> = self
            .conn()
            .query_row(
                &format!("SELECT {DOSE_COLUMNS} FROM doses WHERE medicine_id = ?1 AND day = ?2"),
                params![medicine.id, day_text],
                dose_from_row,
            )
            .optional()?;
        // What this log takes from what is on hand, against what the one before took.
        let was_taken = before
            .as_ref()
            .is_some_and(|d| d.status == DoseStatus::Taken);
        let was_take_home = before.as_ref().is_some_and(|d| d.take_home);
        let take_home = taken && input.take_home;
        let take_homes = match (medicine.take_homes, take_home, was_take_home) {
            (None, true, false) => {
                return Err(Error::validation(
                    "takeHome",
                    "No take-home doses are set for this medicine.",
                ));
            }
            (Some(0), true, false) => {
                return Err(Error::validation(
                    "takeHome",
                    "There are no take-home doses left.",
                ));
            }
            (Some(n), true, false) => Some(n - 1),
            (Some(n), false, true) => Some(n + 1),
            (n, _, _) => n,
        };
        let doses_left = match (
            medicine.doses_left,
            taken && !input.observed,
            was_taken && !before.as_ref().is_some_and(|d| d.observed),
        ) {
            (Some(n), true, false) => Some(n.saturating_sub(1)),
            (Some(n), false, true) => Some(n + 1),
            (n, _, _) => n,
        };
        let stamp = format_instant(now);
        let taken_at = if taken {
            before
                .as_ref()
                .and_then(|d| d.taken_at.clone())
                .or_else(|| Some(stamp.clone()))
        } else {
            None
        };
        let late = day < today;
        self.conn().execute(
            "INSERT INTO doses (medicine_id, day, status, taken_at, observed, take_home, late, note,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
             ON CONFLICT (medicine_id, day) DO UPDATE SET status = excluded.status,
                 taken_at = excluded.taken_at, observed = excluded.observed,
                 take_home = excluded.take_home, late = doses.late AND excluded.late,
                 note = excluded.note, updated_at = excluded.updated_at",
            params![
                medicine.id,
                day_text,
                status,
                taken_at,
                taken && input.observed,
                take_home,
                late,
                note,
                stamp
            ],
        )?;
        self.conn().execute(
            "UPDATE medicines SET take_homes = ?2, doses_left = ?3 WHERE id = ?1",
            params![medicine.id, take_homes, doses_left],
        )?;
        Ok(self.conn().query_row(
            &format!("SELECT {DOSE_COLUMNS} FROM doses WHERE medicine_id = ?1 AND day = ?2"),
            params![medicine.id, day_text],
            dose_from_row,
        )?)
    }

    /// A medicine's doses from `from` to `to` (local days, inclusive), oldest first.
    pub fn doses(&self, medicine_id: i64, from: &str, to: &str) -> Result<Vec<Dose>> {
        let from = format_day(parse_day("from", from)?);
        let to = format_day(parse_day("to", to)?);
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {DOSE_COLUMNS} FROM doses WHERE medicine_id = ?1 AND day BETWEEN ?2 AND ?3
             ORDER BY day"
        ))?;
        Ok(stmt
            .query_map(params![medicine_id, from, to], dose_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// How many days ahead a refill shows on Today and gets a notice.
    pub fn medication_notice_days(&self) -> Result<i64> {
        Ok(self
            .setting(KEY_NOTICE_DAYS)?
            .and_then(|v| v.parse().ok())
            .filter(|d| (1..=30).contains(d))
            .unwrap_or(REFILL_NOTICE_DAYS))
    }

    pub fn set_medication_notice_days(&self, days: i64) -> Result<()> {
        if !(1..=30).contains(&days) {
            return Err(Error::validation("noticeDays", "Choose from 1 to 30 days."));
        }
        self.put_setting(KEY_NOTICE_DAYS, &days.to_string())
    }

    /// Every current medicine as Today shows it on `today`.
    pub fn medication_today(&self, today: NaiveDate) -> Result<Vec<MedicineToday>> {
        let notice_days = self.medication_notice_days()?;
        let mut out = Vec::new();
        for medicine in self.medicines(false)? {
            let started = parse_day("startedOn", &medicine.started_on)?;
            if started > today {
                continue;
            }
            let from = (today - Duration::days(61)).max(started);
            let doses = self.doses(medicine.id, &format_day(from), &format_day(today))?;
            let taken_on = |day: NaiveDate| {
                let day = format_day(day);
                doses
                    .iter()
                    .any(|d| d.day == day && d.status == DoseStatus::Taken)
            };
            let today_dose = doses.iter().find(|d| d.day == format_day(today)).cloned();
            let (due_today, missed, days_late, call_clinic) = match medicine.schedule {
                DoseSchedule::Daily => {
                    // A dose taken today ends the run.
                    let missed = if taken_on(today) {
                        0
                    } else {
                        missed_in_a_row(started, today - Duration::days(1), 61, taken_on)
                    };
                    (true, missed, 0, missed >= u32::from(medicine.call_after))
                }
                DoseSchedule::Interval => {
                    let next = medicine
                        .next_due
                        .as_deref()
                        .and_then(|d| parse_day("nextDue", d).ok())
                        .unwrap_or(today);
                    let late = u32::try_from((today - next).num_days()).unwrap_or(0);
                    (
                        next <= today,
                        0,
                        late,
                        late >= u32::from(medicine.call_after),
                    )
                }
            };
            let refill_soon = medicine
                .refill_on
                .as_deref()
                .and_then(|d| parse_day("refillOn", d).ok())
                .is_some_and(|d| d <= today + Duration::days(notice_days));
            let days_left = match medicine.schedule {
                DoseSchedule::Daily => medicine.take_homes.or(medicine.doses_left),
                DoseSchedule::Interval => None,
            };
            out.push(MedicineToday {
                due_today,
                today: today_dose,
                missed_in_a_row: missed,
                days_late,
                call_clinic,
                refill_soon,
                running_out: days_left.is_some_and(|d| d <= RUNNING_OUT_DAYS),
                days_left,
                medicine,
            });
        }
        Ok(out)
    }
}

impl Dao<'_> {
    /// The medicine a medication reminder's "Taken" can log in one tap on
    /// `today`: the only daily medicine due and not logged yet, when it
    /// keeps no take-home count (a take-home or a clinic dose is the
    /// person's to say, in the app). `None` when that isn't one medicine.
    pub fn one_tap_dose(&self, today: NaiveDate) -> Result<Option<i64>> {
        let mut open = self.medication_today(today)?.into_iter().filter(|m| {
            m.medicine.schedule == DoseSchedule::Daily && m.due_today && m.today.is_none()
        });
        Ok(match (open.next(), open.next()) {
            (Some(m), None) if m.medicine.take_homes.is_none() => Some(m.medicine.id),
            _ => None,
        })
    }

    /// "Taken", from a reminder's notification: logs medicine `id` taken now,
    /// unless something is already logged for it today (then that stays).
    /// Returns whether a dose was logged.
    pub fn log_dose_from_reminder(
        &self,
        id: i64,
        now: DateTime<Utc>,
        zone: &dyn LocalZone,
    ) -> Result<bool> {
        let today = zone.day_of(now);
        let logged = self
            .medication_today(today)?
            .into_iter()
            .find(|m| m.medicine.id == id)
            .is_none_or(|m| m.today.is_some());
        if logged {
            return Ok(false);
        }
        self.log_dose(
            &DoseInput {
                medicine_id: id,
                day: format_day(today),
                status: DoseStatus::Taken.word().to_owned(),
                ..Default::default()
            },
            now,
            zone,
        )?;
        Ok(true)
    }

    /// Each medicine taken at some time in `from..=to` (local days), with the
    /// doses taken of those scheduled.
    pub fn medication_progress(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<MedicineProgress>> {
        let mut out = Vec::new();
        for medicine in self.medicines(true)? {
            let started = parse_day("startedOn", &medicine.started_on)?;
            let stopped = medicine
                .stopped_on
                .as_deref()
                .and_then(|d| parse_day("stoppedOn", d).ok());
            let first = from.max(started);
            let last = stopped.map_or(to, |s| s.min(to));
            if first > last {
                continue;
            }
            let taken_days: Vec<NaiveDate> = self
                .doses(medicine.id, &format_day(first), &format_day(last))?
                .into_iter()
                .filter(|d| d.status == DoseStatus::Taken)
                .filter_map(|d| parse_day("day", &d.day).ok())
                .collect();
            let taken = u32::try_from(taken_days.len()).unwrap_or(u32::MAX);
            let (scheduled, weeks, given) = match medicine.schedule {
                DoseSchedule::Daily => {
                    let mut weeks: Vec<DoseWeek> = Vec::new();
                    let mut day = first;
                    while day <= last {
                        let monday = day
                            - Duration::days(i64::from(
                                chrono::Datelike::weekday(&day).num_days_from_monday(),
                            ));
                        let week = format_day(monday);
                        if weeks.last().is_none_or(|w| w.week != week) {
                            weeks.push(DoseWeek {
                                week,
                                scheduled: 0,
                                taken: 0,
                            });
                        }
                        if let Some(w) = weeks.last_mut() {
                            w.scheduled += 1;
                            w.taken += u32::from(taken_days.contains(&day));
                        }
                        day += Duration::days(1);
                    }
                    let scheduled = u32::try_from((last - first).num_days() + 1).unwrap_or(0);
                    (scheduled, weeks, Vec::new())
                }
                DoseSchedule::Interval => (
                    taken,
                    Vec::new(),
                    taken_days.into_iter().map(format_day).collect(),
                ),
            };
            out.push(MedicineProgress {
                medicine,
                scheduled,
                taken,
                weeks,
                given,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn missed_days_count_back_to_the_last_taken_or_the_start() {
        let taken = |days: &'static [&'static str]| {
            move |day: NaiveDate| days.contains(&format_day(day).as_str())
        };
        // Taken on the 1st, nothing since: the 2nd, 3rd and 4th are missed.
        assert_eq!(
            missed_in_a_row(d("2026-11-20"), d("2026-12-04"), 60, taken(&["2026-12-01"])),
            3
        );
        // Started on the 3rd: only the 3rd and 4th count.
        assert_eq!(
            missed_in_a_row(d("2026-12-03"), d("2026-12-04"), 60, taken(&[])),
            2
        );
        // Taken yesterday: nothing missed. Started today: nothing to miss.
        assert_eq!(
            missed_in_a_row(d("2026-11-20"), d("2026-12-04"), 60, taken(&["2026-12-04"])),
            0
        );
        assert_eq!(
            missed_in_a_row(d("2026-12-05"), d("2026-12-04"), 60, taken(&[])),
            0
        );
        // Counting stops at the limit.
        assert_eq!(
            missed_in_a_row(d("2025-01-01"), d("2026-12-04"), 61, taken(&[])),
            61
        );
    }
}
