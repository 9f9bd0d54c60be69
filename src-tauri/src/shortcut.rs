//! The help shortcut: keys that open Get help now from anywhere, even while
//! the window is hidden. Registered with the desktop at start and when the
//! user changes it; when the desktop refuses (another program holds the keys,
//! or it has no global shortcuts, as on Wayland), the reason is kept and shown
//! in Settings and the keys that worked before stay.

use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_global_shortcut::{GlobalShortcut, ShortcutState};

use crate::error::IpcError;
use crate::window::{DesktopScreen, open_screen};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ShortcutStatus {
    /// The keys registered now, if any.
    pub active: Option<String>,
    /// Why the keys the user chose could not be registered.
    pub problem: Option<String>,
}

#[derive(Debug, Default)]
pub struct HelpShortcut {
    status: Mutex<ShortcutStatus>,
}

impl HelpShortcut {
    pub fn status(&self) -> ShortcutStatus {
        self.status.lock().map(|s| s.clone()).unwrap_or_default()
    }

    pub fn active(&self) -> Option<String> {
        self.status().active
    }

    fn set(&self, status: ShortcutStatus) {
        if let Ok(mut s) = self.status.lock() {
            *s = status;
        }
    }
}

/// The plugin, with the one handler: a press opens Get help now.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_global_shortcut::Builder::new()
        .with_handler(|app, _shortcut, event| {
            if event.state() == ShortcutState::Pressed {
                open_screen(app, Some(DesktopScreen::Emergency));
            }
        })
        .build()
}

/// The words for a refusal.
pub fn refusal(keys: &str, err: &str) -> String {
    if err.contains("already registered") {
        format!("Another program already uses {keys}. Choose other keys.")
    } else {
        format!("This desktop didn't allow {keys} as a shortcut ({err}).")
    }
}

/// Registers `wanted` (or nothing) in place of the current keys. On a refusal
/// the old keys are put back and the refusal is returned as a `conflict`.
pub fn apply<R: Runtime>(
    app: &AppHandle<R>,
    state: &HelpShortcut,
    wanted: Option<&str>,
) -> Result<ShortcutStatus, IpcError> {
    let Some(manager) = app.try_state::<GlobalShortcut<R>>() else {
        let status = ShortcutStatus {
            active: None,
            problem: Some("Shortcuts aren't available in this build.".to_owned()),
        };
        state.set(status.clone());
        return Ok(status);
    };
    let before = state.active();
    if before.as_deref() == wanted {
        return Ok(state.status());
    }
    if let Some(old) = &before {
        let _ = manager.unregister(old.as_str());
    }
    let Some(keys) = wanted else {
        let status = ShortcutStatus::default();
        state.set(status.clone());
        return Ok(status);
    };
    match manager.register(keys) {
        Ok(()) => {
            let status = ShortcutStatus {
                active: Some(keys.to_owned()),
                problem: None,
            };
            state.set(status.clone());
            Ok(status)
        }
        Err(err) => {
            let message = refusal(keys, &err.to_string());
            let restored = before.filter(|old| manager.register(old.as_str()).is_ok());
            state.set(ShortcutStatus {
                active: restored,
                problem: Some(message.clone()),
            });
            Err(IpcError {
                kind: crate::error::IpcErrorKind::Core(steady_core::ErrorKind::Conflict),
                message,
                field: Some("helpShortcut"),
            })
        }
    }
}
