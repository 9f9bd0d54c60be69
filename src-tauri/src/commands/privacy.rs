//! Encryption and the app lock: unlock (with a growing wait after wrong
//! tries), lock, turn encryption on or off or change the passphrase, rate a
//! passphrase, and what the Your data screen shows. Passphrases are held in
//! `Zeroizing` strings here, so this side wipes its copies once done.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::Serialize;
use steady_core::{Strength, passphrase_strength, unlock_delay};
use tauri::{AppHandle, Manager, Runtime, State};
use zeroize::Zeroizing;

use crate::error::IpcError;
use crate::shortcut::{self, HelpShortcut};
use crate::state::{StoreSlot, with_store};

/// Wrong passphrases in a row since the last unlock.
#[derive(Debug, Default)]
pub struct UnlockAttempts {
    failures: AtomicU32,
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(format!("background task failed: {e}")))?
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
    // The wait grows after the third wrong try, before the file is touched.
    let wait = unlock_delay(attempts.failures.load(Ordering::Relaxed));
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
    }
    let attempts = attempts.inner().clone();
    let handle = app.clone();
    blocking(move || match store.unlock(&passphrase) {
        Ok(()) => {
            attempts.failures.store(0, Ordering::Relaxed);
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
                attempts.failures.fetch_add(1, Ordering::Relaxed);
            }
            Err(IpcError::from(err))
        }
    })
    .await
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
) -> Result<(), IpcError> {
    let current = current.map(Zeroizing::new);
    let next = next.map(Zeroizing::new);
    let store = slot.store(&app).await?;
    let backups = slot.data_dir(&app)?.join("backups");
    blocking(move || {
        store.set_passphrase(
            current.as_ref().map(|s| s.as_str()),
            next.as_ref().map(|s| s.as_str()),
        )?;
        // Backups follow: one new one in the new form, the old ones removed.
        store.renew_backups(&backups, chrono::Utc::now(), &chrono::Local)?;
        Ok(())
    })
    .await
}

#[tauri::command]
pub fn rate_passphrase(passphrase: String) -> Strength {
    let passphrase = Zeroizing::new(passphrase);
    passphrase_strength(&passphrase)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataStatus {
    pub data_dir: String,
    pub db_path: String,
    /// The database with its WAL, in bytes.
    pub size_bytes: u64,
    pub encrypted: bool,
    pub locked: bool,
    /// Idle minutes before locking; 0 = only from the Lock button. `None` while locked.
    pub lock_after_minutes: Option<i64>,
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
    let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    Ok(DataStatus {
        data_dir: dir.display().to_string(),
        db_path: db.display().to_string(),
        size_bytes: size(&db) + size(std::path::Path::new(&wal)),
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
    let store = slot.store(&app).await?;
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
