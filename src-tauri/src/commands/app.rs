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

/// What the window needs for its first frame, in one answer: the status, and
/// when the data is open and unlocked, the settings and Today's first screen
/// (read together, in one transaction). Asked once, as the page's script
/// starts; every later look asks the commands of each part.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FirstView {
    pub status: AppStatus,
    pub settings: Option<steady_core::Settings>,
    pub today: Option<steady_core::TodayView>,
}

#[tauri::command]
pub async fn first_view<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<FirstView, ()> {
    let status = slot.status(&app).await;
    let data = match slot.store(&app).await {
        Ok(store) if !store.is_locked() => crate::state::blocking(move || {
            store
                .read(|dao| {
                    let today = steady_core::local_today();
                    let view = dao.today_view(today, chrono::Utc::now(), &chrono::Local)?;
                    Ok((dao.settings()?, view))
                })
                .map_err(crate::error::IpcError::from)
        })
        .await
        .ok(),
        // Locked or not open: the status says which, and the screens ask again.
        _ => None,
    };
    let (settings, today) = data.unzip();
    Ok(FirstView {
        status,
        settings,
        today,
    })
}

/// Signalled once the UI is up: work that can wait (the day's first backup,
/// the tray) waits for it, so it never slows the first screen.
#[derive(Debug, Default)]
pub struct UiStarted {
    pub painted: tokio::sync::Notify,
}

/// The UI calls this once it has painted and knows whether the data opened.
/// When `STEADY_READY_FILE` names a file (the egress check and the startup
/// benchmark set it), the moment is appended to it as `ready <unix ms>`,
/// followed by the UI's own moments (`name=<unix ms>`: page start, script,
/// mounted, data open, settings read) and the shell's start, so a script can
/// tell when Steady is usable, and where the time went, without WebDriver.
#[tauri::command]
pub fn ui_ready(
    started: tauri::State<'_, std::sync::Arc<UiStarted>>,
    marks: Option<std::collections::BTreeMap<String, f64>>,
) {
    started.painted.notify_one();
    let Some(path) = std::env::var_os("STEADY_READY_FILE") else {
        return;
    };
    let mut line = format!("ready {}", unix_ms(std::time::SystemTime::now()));
    if let Some(shell) = SHELL_START.get() {
        line.push_str(&format!(" shell={}", unix_ms(*shell)));
    }
    // Only short plain names and finite numbers: the line stays one line.
    for (name, at) in marks.unwrap_or_default().iter().take(16) {
        let plain =
            !name.is_empty() && name.len() <= 24 && name.chars().all(|c| c.is_ascii_alphanumeric());
        if plain && at.is_finite() {
            line.push_str(&format!(" {name}={}", at.round() as i64));
        }
    }
    use std::io::Write;
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{line}");
    }
}

/// When the shell's code began to run (set first thing in `run`).
pub static SHELL_START: std::sync::OnceLock<std::time::SystemTime> = std::sync::OnceLock::new();

fn unix_ms(at: std::time::SystemTime) -> u128 {
    at.duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

/// Test builds only: a fingerprint of every row, so the real-window bad-input
/// battery can show that a refused call wrote nothing. A user's build answers
/// `unavailable`.
#[tauri::command]
pub async fn test_fingerprint<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<String, crate::error::IpcError> {
    if !crate::state::is_test_build(&app) {
        return Err(crate::error::IpcError::unavailable("only in test builds"));
    }
    crate::state::with_store(&slot, &app, |s| s.content_fingerprint()).await
}

/// Test builds only: Quit, exactly as the tray menu's Quit does it (there is
/// no tray host to click in a test), so a test can show that what was typed a
/// moment before is written first. Refused while locked, as a quit from the
/// page has nothing to write then.
#[tauri::command]
pub async fn test_quit<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<(), crate::error::IpcError> {
    if !crate::state::is_test_build(&app) {
        return Err(crate::error::IpcError::unavailable("only in test builds"));
    }
    let store = slot.store(&app).await?;
    if store.is_locked() {
        return Err(steady_core::Error::AppLocked.into());
    }
    crate::tray::on_menu(&app, "quit");
    Ok(())
}
