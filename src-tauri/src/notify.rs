//! Reminders with buttons. On Linux they go straight to the freedesktop
//! notification service on the session bus (the notification plugin can't
//! offer buttons on the desktop): a click opens Steady on the screen the
//! reminder is about, and a medication reminder's "Taken" logs the dose
//! without opening anything. One thread owns the bus connection, so the
//! service's answers (sent to that connection) come back to it.
//! Elsewhere the plugin shows them, without buttons.

/// What the person chose on a notification Steady showed: the reminder's
/// kind (a `ReminderKind`'s or a `Notice`'s word) and the button's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub kind: String,
    pub key: String,
}

#[cfg(target_os = "linux")]
mod bus {
    use std::collections::HashMap;
    use std::sync::mpsc;
    use std::time::Duration;

    use dbus::arg::PropMap;
    use dbus::blocking::Connection;
    use dbus::message::MatchRule;

    use super::Chosen;

    const SERVICE: &str = "org.freedesktop.Notifications";
    const PATH: &str = "/org/freedesktop/Notifications";

    #[derive(Debug)]
    struct Show {
        kind: String,
        title: String,
        body: String,
        actions: Vec<(String, String)>,
        done: mpsc::Sender<Result<u32, String>>,
    }

    /// The thread that owns the connection.
    #[derive(Debug)]
    pub struct Notifier {
        to: std::sync::Mutex<mpsc::Sender<Show>>,
    }

    impl Notifier {
        /// Starts the thread; `on_chosen` runs on it for each button pressed.
        pub fn start(on_chosen: impl Fn(Chosen) + Send + 'static) -> Notifier {
            let (to, from) = mpsc::channel::<Show>();
            std::thread::Builder::new()
                .name("steady-notify".into())
                .spawn(move || run(&from, on_chosen))
                .ok();
            Notifier {
                to: std::sync::Mutex::new(to),
            }
        }

        /// Shows one notification and returns the service's id for it.
        pub fn show(
            &self,
            kind: &str,
            title: &str,
            body: &str,
            actions: Vec<(String, String)>,
        ) -> Result<u32, String> {
            let (done, answer) = mpsc::channel();
            let sent = self
                .to
                .lock()
                .map_err(|_| "the notification thread stopped".to_owned())?
                .send(Show {
                    kind: kind.to_owned(),
                    title: title.to_owned(),
                    body: body.to_owned(),
                    actions,
                    done,
                });
            if sent.is_err() {
                return Err("the notification thread stopped".to_owned());
            }
            answer
                .recv_timeout(Duration::from_secs(10))
                .map_err(|_| "the notification service did not answer".to_owned())?
        }
    }

    fn run(from: &mpsc::Receiver<Show>, on_chosen: impl Fn(Chosen) + Send + 'static) {
        let conn = match Connection::new_session() {
            Ok(conn) => conn,
            Err(err) => {
                // No session bus: say so to every request.
                let said = format!("no session bus: {err}");
                while let Ok(show) = from.recv() {
                    let _ = show.done.send(Err(said.clone()));
                }
                return;
            }
        };
        // Which of ours is which: id -> kind, until it closes.
        let shown: std::sync::Arc<std::sync::Mutex<HashMap<u32, String>>> = Default::default();
        let on_action = shown.clone();
        let _ = conn.add_match(
            MatchRule::new_signal(SERVICE, "ActionInvoked"),
            move |(id, key): (u32, String), _, _| {
                // Kept until it closes: a click and "Taken" may both come.
                let kind = on_action.lock().ok().and_then(|m| m.get(&id).cloned());
                if let Some(kind) = kind {
                    on_chosen(Chosen { kind, key });
                }
                true
            },
        );
        let on_close = shown.clone();
        let _ = conn.add_match(
            MatchRule::new_signal(SERVICE, "NotificationClosed"),
            move |(id, _reason): (u32, u32), _, _| {
                // Closed (after a press, or dismissed): nothing more comes for it.
                if let Ok(mut m) = on_close.lock() {
                    m.remove(&id);
                }
                true
            },
        );
        loop {
            match from.recv_timeout(Duration::from_millis(100)) {
                Ok(show) => {
                    let proxy = conn.with_proxy(SERVICE, PATH, Duration::from_secs(5));
                    let flat: Vec<&str> = show
                        .actions
                        .iter()
                        .flat_map(|(key, words)| [key.as_str(), words.as_str()])
                        .collect();
                    let hints = PropMap::new();
                    let sent: Result<(u32,), _> = proxy.method_call(
                        SERVICE,
                        "Notify",
                        (
                            "Steady",
                            0u32,
                            "",
                            show.title.as_str(),
                            show.body.as_str(),
                            flat,
                            hints,
                            -1i32,
                        ),
                    );
                    let answer = match sent {
                        Ok((id,)) => {
                            if let Ok(mut m) = shown.lock() {
                                m.insert(id, show.kind);
                            }
                            Ok(id)
                        }
                        Err(err) => Err(err.to_string()),
                    };
                    let _ = show.done.send(answer);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
            // What the service said since (buttons pressed, notifications closed).
            loop {
                match conn.process(Duration::ZERO) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(_) => {
                        // The bus went away: nothing more will come.
                        while let Ok(show) = from.recv() {
                            let _ = show.done.send(Err("the session bus went away".to_owned()));
                        }
                        return;
                    }
                }
            }
        }
    }
}

#[cfg(target_os = "linux")]
pub use bus::Notifier;

/// Elsewhere: the plugin shows reminders (without buttons).
#[cfg(not(target_os = "linux"))]
#[derive(Debug)]
pub struct Notifier;

#[cfg(not(target_os = "linux"))]
impl Notifier {
    pub fn start(_on_chosen: impl Fn(Chosen) + Send + 'static) -> Notifier {
        Notifier
    }

    pub fn show(
        &self,
        _kind: &str,
        _title: &str,
        _body: &str,
        _actions: Vec<(String, String)>,
    ) -> Result<u32, String> {
        Err("shown by the notification plugin here".to_owned())
    }
}
