use tauri::{AppHandle, Runtime, State};

use crate::state::{AppStatus, StoreSlot};

/// Opens the store if it is not open yet and says whether it worked, and where
/// the file is. The UI calls this first; it shows an error screen when not ready.
#[tauri::command]
pub async fn app_status<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<AppStatus, ()> {
    Ok(slot.status(&app).await)
}

/// Signalled once the UI is up: work that can wait (the day's first backup,
/// the tray) waits for it, so it never slows the first screen.
#[derive(Debug, Default)]
pub struct UiStarted {
    pub painted: tokio::sync::Notify,
}

/// The UI calls this once it has painted and knows whether the data opened.
/// When `STEADY_READY_FILE` names a file (the egress check and the startup
/// benchmark set it), the moment is appended to it as `ready <unix ms>`, so a
/// script can tell when Steady is usable without driving it through WebDriver.
#[tauri::command]
pub fn ui_ready(started: tauri::State<'_, std::sync::Arc<UiStarted>>) {
    started.painted.notify_one();
    let Some(path) = std::env::var_os("STEADY_READY_FILE") else {
        return;
    };
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    use std::io::Write;
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "ready {ms}");
    }
}

/// Test builds only: a fingerprint of every row, so the real-window bad-input
/// battery can show that a refused call wrote nothing. A user's build answers
/// `unavailable`.
#[tauri::command]
pub async fn test_fingerprint<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<String, crate::error::IpcError> {
    if !app.config().identifier.ends_with(".test") {
        return Err(crate::error::IpcError::new(
            "unavailable",
            "only in test builds",
        ));
    }
    crate::state::with_store(&slot, &app, |s| s.content_fingerprint()).await
}
