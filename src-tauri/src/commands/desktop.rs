//! Settings for keeping Steady within reach: running in the tray, the help
//! shortcut, start at login; and what the desktop allows.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use serde::Serialize;
use steady_core::{DesktopSettings, HELP_SHORTCUTS};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_autostart::AutoLaunchManager;

use crate::error::IpcError;
use crate::scheduler::Reminders;
use crate::shortcut::{self, HelpShortcut, ShortcutStatus};
use crate::state::{StoreSlot, with_store};
use crate::tray::Tray;

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DesktopStatus {
    pub settings: DesktopSettings,
    /// The desktop draws tray icons.
    pub tray_shown: bool,
    pub shortcut: ShortcutStatus,
    #[cfg_attr(feature = "ts", ts(as = "Vec<String>"))]
    pub offered_shortcuts: &'static [&'static str],
    /// `None` when the desktop can't start apps at login.
    pub start_at_login: Option<bool>,
    pub notifications_available: bool,
}

fn start_at_login<R: Runtime>(app: &AppHandle<R>) -> Option<bool> {
    app.try_state::<AutoLaunchManager>()?.is_enabled().ok()
}

#[tauri::command]
pub async fn desktop_status<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    tray: State<'_, Arc<Tray>>,
    help: State<'_, Arc<HelpShortcut>>,
    reminders: State<'_, Arc<Reminders>>,
) -> Result<DesktopStatus, IpcError> {
    let settings = with_store(&slot, &app, |s| s.read(|dao| dao.desktop_settings())).await?;
    Ok(DesktopStatus {
        settings,
        tray_shown: tray.shown(),
        shortcut: help.status(),
        offered_shortcuts: HELP_SHORTCUTS,
        start_at_login: start_at_login(&app),
        notifications_available: reminders.available.load(Ordering::Relaxed),
    })
}

#[tauri::command]
pub async fn set_keep_in_tray<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    on: bool,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.set_keep_in_tray(on))
    })
    .await
}

/// Checks the keys in the core, asks the desktop for them, and stores them
/// only once the desktop agreed: a refusal changes nothing.
#[tauri::command]
pub async fn set_help_shortcut<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    help: State<'_, Arc<HelpShortcut>>,
    shortcut: Option<String>,
) -> Result<ShortcutStatus, IpcError> {
    let keys = match shortcut.as_deref() {
        Some(text) => Some(steady_core::check_shortcut(text)?),
        None => None,
    };
    let help = help.inner().clone();
    let handle = app.clone();
    let wanted = keys.clone();
    // Registering waits on the main thread; keep it off the async workers.
    let status = tauri::async_runtime::spawn_blocking(move || {
        shortcut::apply(&handle, &help, wanted.as_deref())
    })
    .await
    .map_err(|e| IpcError::internal(format!("background task failed: {e}")))??;
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.set_help_shortcut(keys.as_deref()))
    })
    .await?;
    Ok(status)
}

#[tauri::command]
pub async fn set_start_at_login<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    on: bool,
) -> Result<bool, IpcError> {
    // Locked, nothing about this computer changes either.
    slot.unlocked_store(&app).await?;
    let manager = app
        .try_state::<AutoLaunchManager>()
        .ok_or_else(|| IpcError::unavailable("This desktop can't start apps at login."))?;
    let result = if on {
        manager.enable()
    } else {
        manager.disable()
    };
    result
        .map_err(|e| IpcError::unavailable(format!("The desktop didn't accept the change: {e}")))?;
    manager
        .is_enabled()
        .map_err(|e| IpcError::unavailable(format!("Couldn't check: {e}")))
}
