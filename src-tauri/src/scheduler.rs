//! The one task that shows reminders. It sleeps until the next reminder is
//! due, but never longer than a minute, so a system resume or a clock or time
//! zone change is noticed within a minute. Each wake asks the core what came
//! due since the last look (nothing twice, nothing in a burst).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use steady_core::{ReminderWatch, Store};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::Notify;

use crate::state::StoreSlot;

/// Shared with the commands: wakes the task after a rule change, and says
/// whether the desktop could show the last notification.
#[derive(Debug, Default)]
pub struct Reminders {
    pub changed: Notify,
    /// Whether reminders can be shown: the desktop has a notification service
    /// (asked of the session bus) and the last one shown didn't fail.
    pub available: AtomicBool,
}

impl Reminders {
    pub fn new() -> Arc<Reminders> {
        Arc::new(Reminders {
            changed: Notify::new(),
            available: AtomicBool::new(true),
        })
    }

    /// Asks the desktop again (blocking: a bus round trip, at most 2 s).
    pub fn refresh_available(&self) -> bool {
        let there = crate::session_bus::notifications_available();
        self.available.store(there, Ordering::Relaxed);
        there
    }
}

const MAX_SLEEP: Duration = Duration::from_secs(60);

fn sleep_for(store: &Store, now: DateTime<Utc>) -> Duration {
    let next = store
        .read(|dao| dao.next_fire(now, &chrono::Local))
        .ok()
        .flatten()
        .and_then(|f| DateTime::parse_from_rfc3339(&f.at).ok())
        .map(|t| t.with_timezone(&Utc));
    match next {
        Some(at) => (at - now).to_std().unwrap_or_default().min(MAX_SLEEP),
        None => MAX_SLEEP,
    }
}

/// Runs until the app exits.
pub async fn run<R: Runtime>(app: AppHandle<R>, reminders: Arc<Reminders>) {
    let Ok(store) = app.state::<StoreSlot>().store(&app).await else {
        // No data file: no reminders. The error screen says why.
        return;
    };
    // While the data is locked nothing can be read: what comes due then waits
    // for the unlock (which wakes this task) and is shown then (see the core).
    let mut watch = ReminderWatch::new(Utc::now());
    loop {
        let wait = sleep_for(&store, Utc::now());
        tokio::select! {
            _ = tokio::time::sleep(wait + Duration::from_millis(200)) => {}
            _ = reminders.changed.notified() => {}
        }
        for fire in watch.look(&store, Utc::now(), &chrono::Local) {
            let shown = app
                .notification()
                .builder()
                .title(&fire.title)
                .body(&fire.body)
                .show();
            if shown.is_err() {
                reminders.available.store(false, Ordering::Relaxed);
            }
        }
    }
}
