//! What the desktop offers on its session bus: a tray host, a notification
//! service. Asking the bus is the only honest answer on Linux: the tray and
//! notification plugins report success whether or not anything is drawn
//! (the notification plugin sends in the background and always returns Ok).

/// Whether `name` is on the session bus now, or can be started on demand
/// (notification services are usually started by the bus on first use).
#[cfg(target_os = "linux")]
pub fn has_service(name: &str) -> bool {
    use std::time::Duration;
    let Ok(conn) = dbus::blocking::Connection::new_session() else {
        return false;
    };
    let proxy = conn.with_proxy(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        Duration::from_secs(2),
    );
    let owned: Result<(bool,), _> =
        proxy.method_call("org.freedesktop.DBus", "NameHasOwner", (name,));
    if owned.is_ok_and(|(has,)| has) {
        return true;
    }
    let activatable: Result<(Vec<String>,), _> =
        proxy.method_call("org.freedesktop.DBus", "ListActivatableNames", ());
    activatable.is_ok_and(|(names,)| names.iter().any(|n| n == name))
}

/// Other systems have their own notification centre and tray.
#[cfg(not(target_os = "linux"))]
pub fn has_service(_name: &str) -> bool {
    true
}

/// A notification service (the freedesktop one) is there to show reminders.
pub fn notifications_available() -> bool {
    has_service("org.freedesktop.Notifications")
}

/// A StatusNotifier host draws tray icons.
pub fn tray_host_available() -> bool {
    has_service("org.kde.StatusNotifierWatcher")
}
