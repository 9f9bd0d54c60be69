//! Today's first screen in one read. Everything Today shows before its first
//! frame (the check-in, the counters, medication, the notes and offers) is
//! read in one transaction, so its parts agree with each other, and goes to
//! the window in one answer instead of a round trip each. Each part is the
//! same answer its own command gives (the screens ask those again later).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use crate::checkins::CheckinView;
use crate::contacts::Contact;
use crate::error::Result;
use crate::medication::MedicineToday;
use crate::plan::Plan;
use crate::recovery::Counters;
use crate::regained::RegainedView;
use crate::reminders::Reminder;
use crate::store::Dao;
use crate::weekly::WeeklyView;

/// What Today shows first.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TodayView {
    /// The days counted from the start date, if one is set.
    pub counters: Option<Counters>,
    /// Today's check-in (or its draft).
    pub checkin: CheckinView,
    pub regained: RegainedView,
    pub medication: Vec<MedicineToday>,
    /// The people a medication card can offer to call.
    pub contacts: Vec<Contact>,
    /// For the plan's review and naloxone notes.
    pub plan: Plan,
    pub weekly: WeeklyView,
    /// A check-in reminder came due today and there is no check-in yet.
    pub missed_checkin: bool,
    /// For the offer of a check-in reminder.
    pub reminders: Vec<Reminder>,
}

impl Dao<'_> {
    /// Today's first screen on `today` at `now` in the zone `tz`.
    pub fn today_view<Tz: TimeZone>(
        &self,
        today: NaiveDate,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<TodayView> {
        Ok(TodayView {
            counters: self.counters(today)?,
            checkin: self.checkin_view(None, today)?,
            regained: self.regained_view(today)?,
            medication: self.medication_today(today)?,
            contacts: self.contacts()?,
            plan: self.plan(today)?,
            weekly: self.weekly_view(today)?,
            missed_checkin: self.missed_checkin_today(today, now, tz)?,
            reminders: self.reminders()?,
        })
    }
}
