//! The tray icon and its menu: Open Steady, Get help now, I'm having a
//! craving, Quit; and closing the window into it when the user keeps Steady
//! running. The menu's handler is plain code ([`on_menu`]), so the tests
//! drive it directly where no tray can be shown (under Xvfb there is none).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use steady_core::still_running_text;
use tauri::menu::{MenuBuilder, MenuItemBuilder};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, CloseRequestApi, Manager, Runtime, Window};
use tauri_plugin_notification::NotificationExt;

use crate::shortcut::HelpShortcut;
use crate::state::StoreSlot;
pub use crate::window::TRAY_ID;
use crate::window::{DesktopScreen, language_for, open_screen};

/// The menu's items, in order; their words are `desktop.menu.<id>` in the
/// catalogues the screens use.
pub const MENU: &[&str] = &["open", "help", "craving", "dose", "quit"];

/// The menu as (id, words) in `lang`.
pub fn menu_words(lang: steady_core::Language) -> Vec<(&'static str, &'static str)> {
    MENU.iter()
        .map(|id| {
            (
                *id,
                steady_core::words::word(lang, &format!("desktop.menu.{id}")),
            )
        })
        .collect()
}

/// Whether the desktop shows the icon.
#[derive(Debug, Default)]
pub struct Tray {
    shown: AtomicBool,
}

impl Tray {
    pub fn shown(&self) -> bool {
        self.shown.load(Ordering::Relaxed)
    }
}

/// What a menu item does.
pub fn on_menu<R: Runtime>(app: &AppHandle<R>, id: &str) {
    match id {
        "open" => open_screen(app, None),
        "help" => open_screen(app, Some(DesktopScreen::Emergency)),
        "craving" => open_screen(app, Some(DesktopScreen::Craving)),
        "dose" => open_screen(app, Some(DesktopScreen::Medication)),
        // What the page still has waiting is written first (see flush.rs).
        "quit" => crate::flush::flush_then(app, |app| app.exit(0)),
        _ => {}
    }
}

fn menu_for<R: Runtime>(
    app: &AppHandle<R>,
    lang: steady_core::Language,
) -> tauri::Result<tauri::menu::Menu<R>> {
    let mut menu = MenuBuilder::new(app);
    for (id, words) in menu_words(lang) {
        menu = menu.item(&MenuItemBuilder::with_id(id, words).build(app)?);
    }
    menu.build()
}

/// Puts the menu in the current language (after the language changes), on
/// the main thread without waiting for it.
pub fn relabel<R: Runtime>(app: &AppHandle<R>) {
    let store = app.state::<crate::state::StoreSlot>().loaded();
    let lang = crate::window::language_for(store.as_deref());
    let handle = app.clone();
    let _ = app.run_on_main_thread(move || {
        if let Some(tray) = handle.tray_by_id(TRAY_ID)
            && let Ok(menu) = menu_for(&handle, lang)
        {
            let _ = tray.set_menu(Some(menu));
        }
    });
}

/// Adds the icon. Returns whether the desktop has somewhere to show it.
pub fn create<R: Runtime>(app: &AppHandle<R>, tray: &Tray) -> tauri::Result<bool> {
    let store = app.state::<crate::state::StoreSlot>().loaded();
    let lang = crate::window::language_for(store.as_deref());
    let menu = menu_for(app, lang)?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip(crate::window::neutral_title(lang))
        .menu(&menu)
        .on_menu_event(|app, event| on_menu(app, event.id().as_ref()));
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    // Linux desktops show tray icons through a StatusNotifier host; without one
    // (a bare X server, some GNOME setups) the icon is built but nobody draws it.
    let shown = crate::session_bus::tray_host_available();
    tray.shown.store(shown, Ordering::Relaxed);
    Ok(shown)
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
