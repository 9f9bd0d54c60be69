use std::sync::Arc;

use chrono::{Local, Utc};
use serde::Serialize;
use steady_core::{Reminder, ReminderInput, local_today};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::scheduler::Reminders;
use crate::state::{StoreSlot, with_store};

#[tauri::command]
pub async fn list_reminders<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Vec<Reminder>, IpcError> {
    with_store(&slot, &app, |s| s.read(|dao| dao.reminders())).await
}

#[tauri::command]
pub async fn save_reminder<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    reminders: State<'_, Arc<Reminders>>,
    id: Option<i64>,
    input: ReminderInput,
) -> Result<Reminder, IpcError> {
    let saved = with_store(&slot, &app, move |s| {
        s.write(|dao| dao.save_reminder(id, &input))
    })
    .await?;
    reminders.changed.notify_one();
    Ok(saved)
}

#[tauri::command]
pub async fn delete_reminder<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    reminders: State<'_, Arc<Reminders>>,
    id: i64,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| s.write(|dao| dao.delete_reminder(id))).await?;
    reminders.changed.notify_one();
    Ok(())
}

#[tauri::command]
pub async fn set_discreet_notifications<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    on: bool,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.set_discreet_notifications(on))
    })
    .await?;
    crate::window::apply_title(&app);
    Ok(())
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReminderStatus {
    /// `false` when the desktop refused the last notification.
    pub notifications_available: bool,
    pub discreet: bool,
    /// A check-in reminder came due today and there is no check-in yet.
    pub missed_checkin: bool,
    /// Plan review and naloxone notices are on.
    pub plan_notices: bool,
}

#[tauri::command]
pub async fn reminder_status<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    reminders: State<'_, Arc<Reminders>>,
) -> Result<ReminderStatus, IpcError> {
    // Asked of the desktop each time Settings looks (a service may have started).
    let bus = reminders.inner().clone();
    let available = tauri::async_runtime::spawn_blocking(move || bus.refresh_available())
        .await
        .unwrap_or(false);
    with_store(&slot, &app, move |s| {
        s.read(|dao| {
            Ok(ReminderStatus {
                notifications_available: available,
                discreet: dao.discreet_notifications()?,
                missed_checkin: dao.missed_checkin_today(local_today(), Utc::now(), &Local)?,
                plan_notices: dao.plan_notices()?,
            })
        })
    })
    .await
}

#[tauri::command]
pub async fn set_plan_notices<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    on: bool,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.set_plan_notices(on))
    })
    .await
}
