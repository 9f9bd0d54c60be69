//! Reminder times, computed from rules, never from counting ticks: the next
//! time a daily or weekly reminder fires, in the user's time zone, across DST
//! changes; and the last one that came due while the app was closed (shown
//! gently instead of fired late in a burst).

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Timelike, Utc,
};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::choices::{Choice, choice};
use crate::day::format_day;
use crate::error::{Error, Result};
use crate::store::{Dao, Store};
use crate::text::optional_text;
use crate::words::{phrase, word};

/// A reminder's when: a local time on some days of the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
        let time = crate::day::parse_clock("time", &self.time)?;
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

choice! {
    /// What a reminder is for.
    pub enum ReminderKind {
        Checkin = "checkin",
        Medication = "medication",
        Appointment = "appointment",
    }
}

choice! {
    /// What Steady tells the person about by itself, once a day at
    /// [`NOTICE_TIME`] while it applies (they can turn it off): the plan is
    /// due for a look, the naloxone is near its date, a refill or an
    /// injection is due, the weekly check is due (if the person asked).
    pub enum Notice {
        PlanReview = "planReview",
        Naloxone = "naloxone",
        Refill = "refill",
        Injection = "injection",
        WeeklyCheck = "weeklyCheck",
    }
}

impl Notice {
    /// Days between two of the same notice while it still applies: a week
    /// for the plan's, a day for an injection due.
    pub fn every_days(self) -> i64 {
        match self {
            Notice::Injection => 1,
            _ => NOTICE_EVERY_DAYS,
        }
    }
}

/// A reminder as the user sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReminderInput {
    #[cfg_attr(feature = "ts", ts(as = "ReminderKind"))]
    pub kind: String,
    /// What it is for (medication and appointments), e.g. "Evening dose".
    pub label: Option<String>,
    pub rule: ReminderRule,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub kind: ReminderKind,
    pub label: Option<String>,
    pub rule: ReminderRule,
    pub enabled: bool,
}

/// One reminder coming due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fire {
    /// The stored reminder; `None` for a notice (plan review, naloxone).
    pub reminder_id: Option<i64>,
    /// What it is about: a [`ReminderKind`]'s or a [`Notice`]'s word.
    pub kind: &'static str,
    pub at: String,
    pub title: String,
    pub body: String,
    /// The medicine "Taken" logs from the notification itself: a medication
    /// reminder while exactly one dose is open today ([`Dao::one_tap_dose`]).
    pub dose: Option<i64>,
}

/// The key of a notification's "Taken" button for medicine `id`, and back.
pub fn taken_action(id: i64) -> String {
    format!("taken:{id}")
}

/// The medicine a "Taken" button's key names.
pub fn taken_action_medicine(key: &str) -> Option<i64> {
    key.strip_prefix("taken:")?.parse().ok()
}

/// A notification's buttons as (key, words), in `lang`: "default" opens
/// Steady (a click on the notification), and "Taken" logs the dose when the
/// fire has one. Discreet ones say only "Open" and "Done".
pub fn notification_actions(
    fire: &Fire,
    discreet: bool,
    lang: crate::Language,
) -> Vec<(String, String)> {
    let say = |key: &str| word(lang, &format!("desktop.notify.{key}")).to_owned();
    let mut out = vec![(
        "default".to_owned(),
        say(if discreet { "openDiscreet" } else { "open" }),
    )];
    if let Some(id) = fire.dose {
        out.push((
            taken_action(id),
            say(if discreet { "takenDiscreet" } else { "taken" }),
        ));
    }
    out
}

/// The words of a notification about `kind` (a [`ReminderKind`]'s or a
/// [`Notice`]'s word), in `lang`: `desktop.notify.*` in the catalogues.
/// Discreet ones say only "Reminder".
pub fn notification_text(
    kind: &str,
    label: Option<&str>,
    discreet: bool,
    lang: crate::Language,
) -> (String, String) {
    let say = |key: &str| word(lang, &format!("desktop.notify.{key}"));
    if discreet {
        return (
            say("discreetTitle").to_owned(),
            say("discreetBody").to_owned(),
        );
    }
    let body = match ReminderKind::from_word(kind) {
        Some(ReminderKind::Medication | ReminderKind::Appointment) => {
            let label = label.unwrap_or_else(|| say(&format!("{kind}Unnamed")));
            phrase(lang, &format!("desktop.notify.{kind}"), &[("label", label)])
        }
        _ => say(kind).to_owned(),
    };
    (say("title").to_owned(), body)
}

fn days_text(days: &[u8]) -> String {
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted.iter().map(|d| char::from(b'0' + d)).collect()
}

fn reminder_from_row(row: &Row<'_>) -> rusqlite::Result<Reminder> {
    let days: String = row.get("days")?;
    Ok(Reminder {
        id: row.get("id")?,
        kind: row.get("kind")?,
        label: row.get("label")?,
        rule: ReminderRule {
            time: row.get("time")?,
            days: days
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|b| b - b'0')
                .collect(),
        },
        enabled: row.get("enabled")?,
    })
}

const KEY_DISCREET: &str = "discreetNotifications";

impl Dao<'_> {
    pub fn reminders(&self) -> Result<Vec<Reminder>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, kind, label, time, days, enabled FROM reminders ORDER BY time, id",
        )?;
        let rows = stmt.query_map([], reminder_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn reminder(&self, id: i64) -> Result<Reminder> {
        self.conn()
            .query_row(
                "SELECT id, kind, label, time, days, enabled FROM reminders WHERE id = ?1",
                [id],
                reminder_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no reminder {id}")))
    }

    pub fn save_reminder(&self, id: Option<i64>, input: &ReminderInput) -> Result<Reminder> {
        let kind = ReminderKind::parse("kind", &input.kind, "Choose what the reminder is for.")?;
        input.rule.check()?;
        let label = optional_text("label", input.label.as_deref(), 100)?;
        if kind != ReminderKind::Checkin && label.is_none() {
            return Err(Error::validation(
                "label",
                "Say what it's for, so you know when it shows.",
            ));
        }
        let time = input.rule.time.trim().to_owned();
        let days = days_text(&input.rule.days);
        let now = crate::time::now_rfc3339();
        let id = match id {
            None => {
                self.conn().execute(
                    "INSERT INTO reminders (kind, label, time, days, enabled, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                    params![kind, label, time, days, input.enabled, now],
                )?;
                self.conn().last_insert_rowid()
            }
            Some(id) => {
                let n = self.conn().execute(
                    "UPDATE reminders SET kind = ?2, label = ?3, time = ?4, days = ?5, enabled = ?6,
                         updated_at = ?7 WHERE id = ?1",
                    params![id, kind, label, time, days, input.enabled, now],
                )?;
                if n == 0 {
                    return Err(Error::NotFound(format!("no reminder {id}")));
                }
                id
            }
        };
        self.reminder(id)
    }

    pub fn delete_reminder(&self, id: i64) -> Result<()> {
        if self
            .conn()
            .execute("DELETE FROM reminders WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(format!("no reminder {id}")));
        }
        Ok(())
    }

    pub fn discreet_notifications(&self) -> Result<bool> {
        Ok(self.setting(KEY_DISCREET)?.as_deref() == Some("true"))
    }

    pub fn set_discreet_notifications(&self, on: bool) -> Result<()> {
        self.put_setting(KEY_DISCREET, if on { "true" } else { "false" })
    }

    /// The next reminder to fire after `after`, with its words.
    pub fn next_fire<Tz: TimeZone>(&self, after: DateTime<Utc>, tz: &Tz) -> Result<Option<Fire>> {
        let discreet = self.discreet_notifications()?;
        let lang = self.language()?;
        let mut best: Option<(DateTime<Utc>, Reminder)> = None;
        for r in self.reminders()?.into_iter().filter(|r| r.enabled) {
            let Ok(schedule) = r.rule.check() else {
                continue;
            };
            if let Some(at) = schedule.next_after(after, tz)
                && best.as_ref().is_none_or(|(b, _)| at < *b)
            {
                best = Some((at, r));
            }
        }
        Ok(best.map(|(at, r)| {
            let (title, body) =
                notification_text(r.kind.word(), r.label.as_deref(), discreet, lang);
            Fire {
                reminder_id: Some(r.id),
                kind: r.kind.word(),
                at: crate::day::format_instant(at),
                title,
                body,
                dose: None,
            }
        }))
    }

    /// Whether a check-in reminder came due today, up to `now`, while today
    /// still has no check-in (from just before today's local midnight, so a
    /// reminder set for 00:00 counts).
    pub fn missed_checkin_today<Tz: TimeZone>(
        &self,
        today: NaiveDate,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<bool> {
        let midnight = today
            .and_hms_opt(0, 0, 0)
            .and_then(|t| tz.from_local_datetime(&t).earliest())
            .map_or(now, |t| t.with_timezone(&Utc))
            - chrono::Duration::seconds(1);
        self.missed_checkin(midnight, now, today, tz)
    }

    /// Whether a check-in reminder came due between `since` (the app last ran)
    /// and `now` while today still has no check-in: Today then says so, gently.
    pub fn missed_checkin<Tz: TimeZone>(
        &self,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
        today: NaiveDate,
        tz: &Tz,
    ) -> Result<bool> {
        if self.checkin(&format_day(today))?.is_some() {
            return Ok(false);
        }
        for r in self
            .reminders()?
            .into_iter()
            .filter(|r| r.enabled && r.kind == ReminderKind::Checkin)
        {
            let Ok(schedule) = r.rule.check() else {
                continue;
            };
            if let Some(at) = schedule.last_between(since, now, tz)
                && at.with_timezone(tz).date_naive() == today
            {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// How late a reminder may still be shown (after a suspend, say). Later than
/// this it counts as missed and Today mentions it instead.
pub const FIRE_GRACE_SECONDS: i64 = 120;

impl Dao<'_> {
    /// Reminders that came due in `(from, to]` and are at most the grace period
    /// late at `to`, oldest first. The scheduler calls this each time it wakes,
    /// with `from` the last time it looked: nothing fires twice, nothing bursts.
    pub fn due_between<Tz: TimeZone>(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Vec<Fire>> {
        self.due(from, to, tz, false)
    }

    /// Reminders that came due in `(from, to]` while the data was locked
    /// (their rules are in the encrypted file, so none could be shown then):
    /// each reminder once, at its latest time in that span however long ago,
    /// oldest first, its words saying when it was due. The scheduler shows
    /// them as soon as the data is unlocked, so a medication reminder during a
    /// long lock still reaches the person.
    pub fn due_while_locked<Tz: TimeZone>(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Vec<Fire>> {
        self.due(from, to, tz, true)
    }

    fn due<Tz: TimeZone>(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        tz: &Tz,
        waited: bool,
    ) -> Result<Vec<Fire>> {
        let discreet = self.discreet_notifications()?;
        let lang = self.language()?;
        let mut out: Vec<(DateTime<Utc>, Fire)> = Vec::new();
        for r in self.reminders()?.into_iter().filter(|r| r.enabled) {
            let Ok(schedule) = r.rule.check() else {
                continue;
            };
            let Some(at) = schedule.last_between(from, to, tz) else {
                continue;
            };
            let late = to - at > Duration::seconds(FIRE_GRACE_SECONDS);
            if late && !waited {
                continue;
            }
            let (title, mut body) =
                notification_text(r.kind.word(), r.label.as_deref(), discreet, lang);
            if late {
                body = was_due_text(&body, at.with_timezone(tz).time(), lang);
            }
            let dose = match r.kind {
                ReminderKind::Medication => self.one_tap_dose(at.with_timezone(tz).date_naive())?,
                _ => None,
            };
            out.push((
                at,
                Fire {
                    reminder_id: Some(r.id),
                    kind: r.kind.word(),
                    at: crate::day::format_instant(at),
                    title,
                    body,
                    dose,
                },
            ));
        }
        out.sort_by_key(|(at, f)| (*at, f.reminder_id));
        Ok(out.into_iter().map(|(_, f)| f).collect())
    }
}

/// What the one reminder task keeps between looks: when it last looked, and
/// whether the data was locked at some look since then.
#[derive(Debug, Clone)]
pub struct ReminderWatch {
    last: DateTime<Utc>,
    waited: bool,
}

impl ReminderWatch {
    /// Starts looking from `start` (what came due while the app was closed is
    /// never fired late; Today mentions a missed check-in instead).
    pub fn new(start: DateTime<Utc>) -> ReminderWatch {
        ReminderWatch {
            last: start,
            waited: false,
        }
    }

    /// What to show now. While the store is locked nothing can be read (the
    /// rules are in the encrypted file), so nothing is shown and the span
    /// stays open; the first look after the unlock shows each reminder that
    /// came due in it once, saying when it was due.
    pub fn look<Tz: TimeZone>(&mut self, store: &Store, now: DateTime<Utc>, tz: &Tz) -> Vec<Fire> {
        if store.is_locked() {
            self.waited = true;
            return Vec::new();
        }
        let (from, waited) = (self.last, self.waited);
        let due = store.read(|dao| {
            if waited {
                dao.due_while_locked(from, now, tz)
            } else {
                dao.due_between(from, now, tz)
            }
        });
        let mut due = match due {
            Ok(due) => due,
            Err(Error::AppLocked) => {
                // Locked between the check and the read: wait for the unlock.
                self.waited = true;
                return Vec::new();
            }
            // Unreadable for another reason: the error screen says why, and
            // nothing is kept back to burst out later.
            Err(_) => Vec::new(),
        };
        // Plan review and naloxone notices record that they were shown.
        due.extend(
            store
                .write(|dao| dao.due_notices(from, now, tz))
                .unwrap_or_default(),
        );
        self.last = now;
        self.waited = false;
        due
    }
}

/// A reminder's words when it is shown late (it waited for the unlock): the
/// time it was due, after the usual words.
fn was_due_text(body: &str, at: NaiveTime, lang: crate::Language) -> String {
    // The time as each language's clock reads it: "9:05 PM", "9:05 p. m.".
    let (pm, hour) = at.hour12();
    let half = match (lang.is_spanish(), pm) {
        (true, true) => "p. m.",
        (true, false) => "a. m.",
        (false, true) => "PM",
        (false, false) => "AM",
    };
    let time = format!("{hour}:{:02} {half}", at.minute());
    phrase(
        lang,
        "desktop.notify.wasDue",
        &[("body", body), ("time", &time)],
    )
}

/// When a notice (plan review due, naloxone near its date) is shown: once, at
/// this local time, and then at most once a week while it still applies.
pub const NOTICE_TIME: &str = "10:00";
pub const NOTICE_EVERY_DAYS: i64 = 7;

const KEY_NOTICES: &str = "planNotices";

impl Dao<'_> {
    /// Whether plan review and naloxone notices are on (they are unless turned off).
    pub fn plan_notices(&self) -> Result<bool> {
        Ok(self.setting(KEY_NOTICES)?.as_deref() != Some("false"))
    }

    /// Whether `key` is where a notice's last showing is kept
    /// (`noticeShown.<notice>`).
    pub(crate) fn is_notice_key(&self, key: &str) -> bool {
        key.strip_prefix("noticeShown.")
            .is_some_and(|n| Notice::from_word(n).is_some())
    }

    pub fn set_plan_notices(&self, on: bool) -> Result<()> {
        self.put_setting(KEY_NOTICES, if on { "true" } else { "false" })
    }

    /// Notices that come due in `(from, to]`: at [`NOTICE_TIME`] on a day the
    /// plan review is due, the naloxone is expired or expiring, a refill is
    /// due within a week or an injection is due, unless the same notice was
    /// shown within its [`Notice::every_days`]. Records
    /// what it returns, so call it inside a write.
    pub fn due_notices<Tz: TimeZone>(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Vec<Fire>> {
        if !self.plan_notices()? {
            return Ok(Vec::new());
        }
        let daily = ReminderRule {
            time: NOTICE_TIME.to_owned(),
            days: (1..=7).collect(),
        }
        .check()?;
        let Some(at) = daily.last_between(from, to, tz) else {
            return Ok(Vec::new());
        };
        if to - at > Duration::seconds(FIRE_GRACE_SECONDS) {
            return Ok(Vec::new());
        }
        let today = at.with_timezone(tz).date_naive();
        let review_due = self.plan_review(today)?.due;
        let naloxone_due = self
            .naloxone(today)?
            .is_some_and(|n| n.expired || n.expires_soon);
        let medication = self.medication_today(today)?;
        let refill_due = medication.iter().any(|m| m.refill_soon);
        let injection_due = medication
            .iter()
            .any(|m| m.due_today && m.today.is_none() && m.medicine.every_days.is_some());
        let weekly_due = self.weekly_settings()?.reminder && self.weekly_due(today)?;
        let discreet = self.discreet_notifications()?;
        let lang = self.language()?;
        let mut out = Vec::new();
        for (notice, applies) in [
            (Notice::PlanReview, review_due),
            (Notice::Naloxone, naloxone_due),
            (Notice::Refill, refill_due),
            (Notice::Injection, injection_due),
            (Notice::WeeklyCheck, weekly_due),
        ] {
            let kind = notice.word();
            if !applies {
                continue;
            }
            let key = format!("noticeShown.{kind}");
            let recent = self
                .setting(&key)?
                .and_then(|d| crate::day::parse_day("noticeShown", &d).ok())
                .is_some_and(|d| today - d < Duration::days(notice.every_days()));
            if recent {
                continue;
            }
            self.put_setting(&key, &format_day(today))?;
            let (title, body) = notification_text(kind, None, discreet, lang);
            out.push(Fire {
                reminder_id: None,
                kind,
                at: crate::day::format_instant(at),
                title,
                body,
                dose: None,
            });
        }
        Ok(out)
    }
}
