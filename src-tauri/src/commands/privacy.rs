//! Encryption and the app lock: unlock (with a growing wait after wrong
//! tries), lock, turn encryption on or off or change the passphrase, rate a
//! passphrase, and what the Your data screen shows. Passphrases are held in
//! `Zeroizing` strings here, so this side wipes its copies once done.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use steady_core::{EncryptionChange, Strength, passphrase_strength, unlock_delay};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use zeroize::Zeroizing;

use crate::error::IpcError;
use crate::shortcut::{self, HelpShortcut};
use crate::state::{StoreSlot, blocking, with_store};

/// Wrong passphrases in a row since the last unlock.
#[derive(Debug, Default)]
pub struct UnlockAttempts {
    failures: AtomicU32,
    /// One try at a time, from its wait to its answer: tries sent in parallel
    /// each wait their turn (and the longer wait a wrong one before them earned).
    one_at_a_time: tokio::sync::Mutex<()>,
}

/// Re-registers the user's own help keys once their settings can be read.
fn reapply_shortcut<R: Runtime>(app: &AppHandle<R>, store: &steady_core::Store) {
    let wanted = store
        .read(|dao| dao.desktop_settings())
        .ok()
        .and_then(|s| s.help_shortcut);
    let help = app.state::<Arc<HelpShortcut>>().inner().clone();
    let _ = shortcut::apply(app, &help, wanted.as_deref());
}

#[tauri::command]
pub async fn unlock<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    attempts: State<'_, Arc<UnlockAttempts>>,
    passphrase: String,
) -> Result<(), IpcError> {
    let passphrase = Zeroizing::new(passphrase);
    let store = slot.store(&app).await?;
    let attempts = attempts.inner().clone();
    let _turn = attempts.one_at_a_time.lock().await;
    // The wait grows after the third wrong try, before the file is touched.
    let wait = unlock_delay(attempts.failures.load(Ordering::Relaxed));
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
    }
    let counter = attempts.clone();
    let handle = app.clone();
    blocking(move || match store.unlock(&passphrase) {
        Ok(()) => {
            counter.failures.store(0, Ordering::Relaxed);
            // Reminders that came due while locked are shown now.
            handle
                .state::<Arc<crate::scheduler::Reminders>>()
                .changed
                .notify_one();
            reapply_shortcut(&handle, &store);
            crate::window::apply_title(&handle);
            // Locked at launch, so the day's backup waits for the unlock.
            let _ = crate::commands::data::back_up_if_due(
                &handle,
                &store,
                steady_core::BackupReason::Launch,
            );
            Ok(())
        }
        Err(err) => {
            if err.kind() == steady_core::ErrorKind::WrongPassphrase {
                counter.failures.fetch_add(1, Ordering::Relaxed);
            }
            Err(IpcError::from(err))
        }
    })
    .await
}

/// The person is there: the UI sends this on a tap or a key (at most every
/// 20 seconds, and once more after the last one), so the lock after idle
/// time, kept by the core, counts from it.
#[tauri::command]
pub async fn still_here<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<(), IpcError> {
    slot.store(&app).await?.note_activity(Instant::now());
    Ok(())
}

/// How often the shell asks the core whether the idle time is up.
const IDLE_LOOK_EVERY: Duration = Duration::from_secs(10);

/// Runs for the life of the app: locks encrypted data once nobody has been
/// there for the chosen idle time, even if the web view's own timer never
/// runs (a hung or throttled page), then tells the page (`steady://locked`).
pub async fn lock_when_idle<R: Runtime>(app: AppHandle<R>) {
    let Ok(store) = app.state::<StoreSlot>().store(&app).await else {
        return;
    };
    loop {
        tokio::time::sleep(IDLE_LOOK_EVERY).await;
        let idle = store.clone();
        let locked = tauri::async_runtime::spawn_blocking(move || {
            idle.lock_if_idle(Instant::now()).unwrap_or(false)
        })
        .await
        .unwrap_or(false);
        if locked {
            crate::window::apply_title(&app);
            let _ = app.emit("steady://locked", ());
        }
    }
}

#[tauri::command]
pub async fn lock_app<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<bool, IpcError> {
    let store = slot.store(&app).await?;
    let handle = app.clone();
    let dir = slot.data_dir(&app)?;
    blocking(move || {
        // The people kept readable while locked, as they are now.
        let _ = store.refresh_locked_contacts(&dir);
        store.lock_now()?;
        crate::window::apply_title(&handle);
        Ok(store.is_locked())
    })
    .await
}

/// On (`current` null), change (both), off (`next` null).
#[tauri::command]
pub async fn set_passphrase<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    current: Option<String>,
    next: Option<String>,
) -> Result<EncryptionChange, IpcError> {
    let current = current.map(Zeroizing::new);
    let next = next.map(Zeroizing::new);
    let store = slot.store(&app).await?;
    let data = slot.data_dir(&app)?;
    blocking(move || {
        // The data file, then the backups and kept-aside copies follow; what
        // couldn't follow is reported, never turned into a failure of a
        // change that happened.
        Ok(store.change_encryption(
            current.as_ref().map(|s| s.as_str()),
            next.as_ref().map(|s| s.as_str()),
            &data,
            chrono::Utc::now(),
            &chrono::Local,
        )?)
    })
    .await
}

#[tauri::command]
pub fn rate_passphrase(passphrase: String) -> Strength {
    let passphrase = Zeroizing::new(passphrase);
    passphrase_strength(&passphrase)
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DataStatus {
    pub data_dir: String,
    pub db_path: String,
    /// The database with its WAL, in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size_bytes: u64,
    pub encrypted: bool,
    pub locked: bool,
    /// Idle minutes before locking; 0 = only from the Lock button. `None` while locked.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub lock_after_minutes: Option<i64>,
    #[cfg_attr(feature = "ts", ts(type = "Array<number>"))]
    pub lock_after_choices: &'static [i64],
    /// The first few support people stay readable while locked (the user's choice).
    pub contacts_while_locked: bool,
}

#[tauri::command]
pub async fn data_status<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<DataStatus, IpcError> {
    let store = slot.store(&app).await?;
    let dir = slot.data_dir(&app)?;
    let db = dir.join(steady_core::DATABASE_FILE_NAME);
    Ok(DataStatus {
        data_dir: dir.display().to_string(),
        db_path: db.display().to_string(),
        size_bytes: store.size_bytes(),
        encrypted: store.is_encrypted(),
        locked: store.is_locked(),
        lock_after_minutes: store.read(|dao| dao.lock_after_minutes()).ok(),
        lock_after_choices: steady_core::LOCK_AFTER_CHOICES,
        contacts_while_locked: steady_core::locked_contacts_on(&dir),
    })
}

/// Keeps (or stops keeping) the first few support people readable while locked.
#[tauri::command]
pub async fn set_contacts_while_locked<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    on: bool,
) -> Result<(), IpcError> {
    // Locked, the file stays as the user left it (turning it off needs the passphrase too).
    let store = slot.unlocked_store(&app).await?;
    let dir = slot.data_dir(&app)?;
    blocking(move || {
        if on {
            store.write_locked_contacts(&dir)?;
        } else {
            steady_core::remove_locked_contacts(&dir)?;
        }
        Ok(())
    })
    .await
}

/// The people kept readable while locked (empty when the user didn't choose it).
#[tauri::command]
pub async fn contacts_while_locked<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Vec<steady_core::Contact>, IpcError> {
    let dir = slot.data_dir(&app)?;
    blocking(move || Ok(steady_core::read_locked_contacts(&dir))).await
}

#[tauri::command]
pub async fn set_lock_after<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    minutes: i64,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.set_lock_after_minutes(minutes))
    })
    .await
}
