//! Nothing typed is lost on the way out. The check-in draft is written half a
//! second after the last change; before Steady quits (the tray's Quit) or its
//! window closes for good, the shell asks the page to write what is still
//! waiting (`steady://flush`), the page answers with `flushed` once it is
//! written, and only then does the quit or close go on. A page that never
//! answers (hung, or already gone) holds it up for at most [`FLUSH_WAIT`].

use std::sync::Mutex;
use std::sync::mpsc::{Sender, channel};
use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime, State};

pub const FLUSH_EVENT: &str = "steady://flush";
/// How long a quit waits for the page at most.
pub const FLUSH_WAIT: Duration = Duration::from_millis(1500);

/// The quits and closes waiting for the page's answer.
#[derive(Debug, Default)]
pub struct Flushes {
    waiting: Mutex<Vec<Sender<()>>>,
}

impl Flushes {
    /// Tells everyone waiting that the page has written what it had.
    pub fn done(&self) {
        let waiting = std::mem::take(&mut *self.waiting.lock().unwrap_or_else(|e| e.into_inner()));
        for tx in waiting {
            let _ = tx.send(());
        }
    }
}

/// Asks the page to write what is waiting, then runs `then` (on its own
/// thread) once it has, or after [`FLUSH_WAIT`].
pub fn flush_then<R: Runtime>(
    app: &AppHandle<R>,
    then: impl FnOnce(&AppHandle<R>) + Send + 'static,
) {
    let (tx, rx) = channel();
    if let Some(flushes) = app.try_state::<Flushes>() {
        flushes
            .waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tx);
    }
    let asked = app.emit_to("main", FLUSH_EVENT, ()).is_ok();
    let handle = app.clone();
    std::thread::spawn(move || {
        if asked {
            let _ = rx.recv_timeout(FLUSH_WAIT);
        }
        then(&handle);
    });
}

/// The page's answer: what was waiting is written.
#[tauri::command]
pub fn flushed(flushes: State<'_, Flushes>) {
    flushes.done();
}
