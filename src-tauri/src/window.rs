//! The main window: bringing it forward on a given screen (from the tray, the
//! help shortcut or a second launch), and closing it into the background when
//! the user keeps Steady running.

use std::sync::Arc;

use steady_core::still_running_text;
use tauri::{AppHandle, CloseRequestApi, Emitter, Manager, Runtime, Window};
use tauri_plugin_notification::NotificationExt;

use crate::shortcut::HelpShortcut;
use crate::state::StoreSlot;
use crate::tray::Tray;

/// The event the UI listens for; its payload names the screen to show.
pub const OPEN_EVENT: &str = "steady://open";

/// Screens the desktop may open. Anything else just shows the window.
pub const SCREENS: &[&str] = &["emergency", "craving", "today"];

/// Shows, unminimizes and focuses the main window and, when asked, tells the
/// UI which screen to show.
pub fn open_screen<R: Runtime>(app: &AppHandle<R>, screen: Option<&str>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
    if let Some(screen) = screen.filter(|s| SCREENS.contains(s)) {
        let _ = app.emit_to("main", OPEN_EVENT, screen);
    }
}

/// Whether `url` is one of Steady's own pages: `tauri://localhost` (Linux,
/// macOS) or `http(s)://tauri.localhost` (Windows). Anything else is refused.
pub fn is_own_page(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost") && url.port().is_none(),
        _ => false,
    }
}

/// The neutral name used in discreet mode and while locked.
pub const NEUTRAL_TITLE: &str = "Notes";

/// The neutral name in `lang` ("Notes", "Notas").
pub fn neutral_title(lang: steady_core::Language) -> &'static str {
    if lang.is_spanish() {
        "Notas"
    } else {
        NEUTRAL_TITLE
    }
}

/// The computer's language, from its locale variables.
pub fn system_language() -> steady_core::Language {
    steady_core::language_from_env(|name| std::env::var(name).ok())
}

/// The language for the desktop's words (title, tray, notifications): the
/// user's choice once the data can be read, else the system's.
pub fn language_for(store: Option<&steady_core::Store>) -> steady_core::Language {
    // The core's answer is already resolved (a "system" choice included).
    store
        .and_then(|s| s.read(|dao| dao.language()).ok())
        .unwrap_or_else(system_language)
}

/// `en` or `es`, as the desktop's language is now (for dialog titles).
pub fn say<R: Runtime>(app: &AppHandle<R>, en: &'static str, es: &'static str) -> &'static str {
    let store = app.state::<StoreSlot>().loaded();
    if language_for(store.as_deref()).is_spanish() {
        es
    } else {
        en
    }
}

/// The window title and the tray tooltip: "Steady", or "Notes" in discreet
/// mode and whenever the data is locked (no app words on a locked screen).
pub fn title_for(store: Option<&steady_core::Store>) -> &'static str {
    let neutral = store.is_some_and(|s| {
        s.is_locked() || s.read(|dao| dao.discreet_notifications()).unwrap_or(false)
    });
    if neutral {
        neutral_title(language_for(store))
    } else {
        "Steady"
    }
}

/// Puts the right title on the window and the tray.
pub fn apply_title<R: Runtime>(app: &AppHandle<R>) {
    let store = app.state::<StoreSlot>().loaded();
    let title = title_for(store.as_deref());
    // Set on the main thread without waiting for it: a command's thread must
    // never block on the main thread (the tray's setters would).
    let handle = app.clone();
    let _ = app.run_on_main_thread(move || {
        if let Some(window) = handle.get_webview_window("main") {
            let _ = window.set_title(title);
        }
        if let Some(tray) = handle.tray_by_id(crate::tray::TRAY_ID) {
            let _ = tray.set_tooltip(Some(title));
        }
    });
}

/// Closing the main window: when the user keeps Steady running, hide it
/// instead, and the first time say where it went. If the data isn't open yet
/// (or can't be), the window simply closes.
pub fn on_close_requested<R: Runtime>(window: &Window<R>, api: &CloseRequestApi) {
    if window.label() != "main" {
        return;
    }
    let app = window.app_handle();
    let Some(store) = app.state::<StoreSlot>().loaded() else {
        return;
    };
    let Ok(settings) = store.read(|dao| dao.desktop_settings()) else {
        return;
    };
    if !settings.keep_in_tray {
        // Closing for good: the page writes what it still has waiting first.
        api.prevent_close();
        let window = window.clone();
        crate::flush::flush_then(app, move |_| {
            let _ = window.destroy();
        });
        return;
    }
    api.prevent_close();
    let _ = window.hide();
    if settings.tray_explained {
        return;
    }
    let tray_shown = app.state::<Arc<Tray>>().shown();
    let shortcut = app.state::<Arc<HelpShortcut>>().active();
    let discreet = store
        .read(|dao| dao.discreet_notifications())
        .unwrap_or(true);
    let lang = language_for(Some(&store));
    let (title, body) = still_running_text(tray_shown, shortcut.as_deref(), discreet, lang);
    let shown = app
        .notification()
        .builder()
        .title(&title)
        .body(&body)
        .show();
    // Said once; if no notification could be shown (the plugin's Ok alone
    // doesn't tell: the desktop must have a notification service), Settings
    // says it instead and this is tried again at the next close.
    let can_show = app
        .state::<Arc<crate::scheduler::Reminders>>()
        .available
        .load(std::sync::atomic::Ordering::Relaxed);
    if shown.is_ok() && can_show {
        let _ = store.write(|dao| dao.mark_tray_explained());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::is_own_page;

    #[test]
    fn only_steadys_own_pages_may_be_shown() {
        let ok = |u: &str| is_own_page(&tauri::Url::parse(u).unwrap());
        assert!(ok("tauri://localhost/"));
        assert!(ok("tauri://localhost/index.html#today"));
        assert!(ok("http://tauri.localhost/"));
        assert!(ok("https://tauri.localhost/assets/x.js"));
        for bad in [
            "https://example.com/?d=secret",
            "http://localhost:1420/",
            "tauri://evil.example/",
            "http://tauri.localhost.evil.example/",
            "http://tauri.localhost:8080/",
            "file:///etc/passwd",
            "data:text/html,hi",
            "javascript:alert(1)",
            "about:blank",
        ] {
            assert!(!ok(bad), "{bad} must be refused");
        }
    }
}
