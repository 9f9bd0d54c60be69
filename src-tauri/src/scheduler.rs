//! The one task that shows reminders. It sleeps until the next reminder is
//! due, but never longer than a minute, so a system resume or a clock or time
//! zone change is noticed within a minute. Each wake asks the core what came
//! due since the last look (nothing twice, nothing in a burst).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use steady_core::{
    Fire, ReminderWatch, Store, SystemZone, notification_actions, taken_action_medicine,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::Notify;

use crate::notify::{Chosen, Notifier};
use crate::state::StoreSlot;
use crate::window::{DesktopScreen, language_for, open_screen};

/// Told to the UI when a dose was logged from a notification (payload: the
/// medicine's id), so Today shows it.
pub const DOSE_EVENT: &str = "steady://dose";

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
    // One thread talks to the desktop's notification service; what the person
    // chooses on a notification comes back through it.
    let notifier = {
        let app = app.clone();
        Arc::new(Notifier::start(move |chosen| on_chosen(&app, chosen)))
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
            if show(&app, &store, &notifier, fire).await.is_err() {
                reminders.available.store(false, Ordering::Relaxed);
            }
        }
    }
}

/// Shows one reminder: with its buttons through the notifier (Linux), else
/// through the plugin.
async fn show<R: Runtime>(
    app: &AppHandle<R>,
    store: &Arc<Store>,
    notifier: &Arc<Notifier>,
    fire: Fire,
) -> Result<(), String> {
    if cfg!(target_os = "linux") {
        let discreet = store
            .read(|dao| dao.discreet_notifications())
            .unwrap_or(false);
        let actions = notification_actions(&fire, discreet, language_for(Some(store)));
        let notifier = notifier.clone();
        return tauri::async_runtime::spawn_blocking(move || {
            notifier.show(fire.kind, &fire.title, &fire.body, actions)
        })
        .await
        .map_err(|e| e.to_string())?
        .map(|_| ());
    }
    app.notification()
        .builder()
        .title(&fire.title)
        .body(&fire.body)
        .show()
        .map_err(|e| e.to_string())
}

/// The screen a click on a reminder opens.
fn screen_for(kind: &str) -> Option<DesktopScreen> {
    match kind {
        "medication" | "refill" | "injection" => Some(DesktopScreen::Medication),
        "weeklyCheck" => Some(DesktopScreen::WeeklyCheck),
        _ => None,
    }
}

/// A button pressed on one of Steady's notifications: "Taken" logs the
/// dose (Today is told); a click opens Steady on the reminder's screen. If
/// the dose can't be logged (the data is locked, say), Steady opens where
/// the person can log it.
fn on_chosen<R: Runtime>(app: &AppHandle<R>, chosen: Chosen) {
    let Some(id) = taken_action_medicine(&chosen.key) else {
        open_screen(app, screen_for(&chosen.kind));
        return;
    };
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let Ok(store) = app.state::<StoreSlot>().store(&app).await else {
            open_screen(&app, Some(DesktopScreen::Medication));
            return;
        };
        let writer = store.clone();
        let logged = tauri::async_runtime::spawn_blocking(move || {
            writer.write(|dao| dao.log_dose_from_reminder(id, Utc::now(), &SystemZone))
        })
        .await;
        match logged {
            Ok(Ok(_)) => {
                let _ = app.emit_to("main", DOSE_EVENT, id);
            }
            _ => open_screen(&app, Some(DesktopScreen::Medication)),
        }
    });
}
