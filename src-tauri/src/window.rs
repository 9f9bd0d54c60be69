//! The main window: bringing it forward on a given screen (from the tray, the
//! help shortcut or a second launch), its title (and the tray's tooltip), and
//! the desktop's language. Closing it into the tray is the tray's (tray.rs).
//! Nothing here depends on the tray or the shortcut: they build on this.

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::StoreSlot;

/// The tray icon's id (the tray makes it; the title is set on it here).
pub const TRAY_ID: &str = "steady";

/// The event the UI listens for; its payload names the screen to show.
pub const OPEN_EVENT: &str = "steady://open";

/// Screens the tray and the help shortcut open: the event's payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum DesktopScreen {
    Emergency,
    Craving,
    /// Today, at the medication card, to log a dose.
    Medication,
    /// The weekly check, fresh.
    WeeklyCheck,
}

/// Shows, unminimizes and focuses the main window and, when asked, tells the
/// UI which screen to show.
pub fn open_screen<R: Runtime>(app: &AppHandle<R>, screen: Option<DesktopScreen>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
    if let Some(screen) = screen {
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

/// The neutral name used in discreet mode and while locked, in `lang`
/// ("Notes", "Notas"): the header's own words (`app.neutral`).
pub fn neutral_title(lang: steady_core::Language) -> &'static str {
    steady_core::words::word(lang, "app.neutral")
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

/// A file dialog's words (`desktop.dialogs.<key>` in the catalogues), in the
/// desktop's language now.
pub fn say<R: Runtime>(app: &AppHandle<R>, key: &str) -> &'static str {
    let store = app.state::<StoreSlot>().loaded();
    steady_core::words::word(
        language_for(store.as_deref()),
        &format!("desktop.dialogs.{key}"),
    )
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
        if let Some(tray) = handle.tray_by_id(TRAY_ID) {
            let _ = tray.set_tooltip(Some(title));
        }
    });
}

/// Steady's screens are text and forms: WebKit draws them on the processor,
/// without its GPU compositor. Measured side by side with the empty Tauri app
/// (tests/bench/startup.mjs, README "Start"): the compositor made the frame
/// after Today's answers wait for it to start (about 120 ms) and cost about
/// 57 MiB.
pub fn draw_without_gpu<R: Runtime>(window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })?;
    #[cfg(not(target_os = "linux"))]
    let _ = window;
    Ok(())
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
