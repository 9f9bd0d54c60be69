//! The tray icon and its menu: Open Steady, Get help now, I'm having a
//! craving, Quit. The menu's handler is plain code ([`on_menu`]), so the tests
//! drive it directly where no tray can be shown (under Xvfb there is none).

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::menu::{MenuBuilder, MenuItemBuilder};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Runtime};

use crate::window::open_screen;

/// The menu, as (id, words).
pub const MENU: &[(&str, &str)] = &[
    ("open", "Open Steady"),
    ("help", "Get help now"),
    ("craving", "I'm having a craving"),
    ("quit", "Quit Steady"),
];

pub const TRAY_ID: &str = "steady";

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
        "help" => open_screen(app, Some("emergency")),
        "craving" => open_screen(app, Some("craving")),
        "quit" => app.exit(0),
        _ => {}
    }
}

/// Adds the icon. Returns whether the desktop has somewhere to show it.
pub fn create<R: Runtime>(app: &AppHandle<R>, tray: &Tray) -> tauri::Result<bool> {
    let mut menu = MenuBuilder::new(app);
    for (id, words) in MENU {
        menu = menu.item(&MenuItemBuilder::with_id(*id, *words).build(app)?);
    }
    let menu = menu.build()?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip(crate::window::NEUTRAL_TITLE)
        .menu(&menu)
        .on_menu_event(|app, event| on_menu(app, event.id().as_ref()));
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    let shown = desktop_has_tray();
    tray.shown.store(shown, Ordering::Relaxed);
    Ok(shown)
}

/// Linux desktops show tray icons through a StatusNotifier host; without one
/// on the session bus (a bare X server, some GNOME setups) the icon is built
/// but nobody draws it.
#[cfg(target_os = "linux")]
fn desktop_has_tray() -> bool {
    use std::time::Duration;
    let Ok(conn) = dbus::blocking::Connection::new_session() else {
        return false;
    };
    let proxy = conn.with_proxy(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        Duration::from_secs(2),
    );
    let owned: Result<(bool,), _> = proxy.method_call(
        "org.freedesktop.DBus",
        "NameHasOwner",
        ("org.kde.StatusNotifierWatcher",),
    );
    owned.map(|(has,)| has).unwrap_or(false)
}

#[cfg(not(target_os = "linux"))]
fn desktop_has_tray() -> bool {
    true
}
