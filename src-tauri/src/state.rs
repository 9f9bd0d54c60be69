//! The store, opened once on first use, off the main thread.
//!
//! Opening never blocks the window: the UI paints (and Get help now works)
//! while the file opens. If it fails, the failure is kept and reported by
//! `app_status`; the file is left exactly as it was.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use steady_core::Store;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::OnceCell;

use crate::error::IpcError;
use crate::launch::Launch;

#[derive(Debug)]
pub struct StoreSlot {
    launch: Launch,
    opened: OnceCell<Opened>,
}

#[derive(Debug, Clone)]
struct Opened {
    db_path: PathBuf,
    store: Result<Arc<Store>, IpcError>,
}

/// What the UI needs to know at start.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub ready: bool,
    pub db_path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub error: Option<IpcError>,
    /// The data is encrypted.
    pub encrypted: bool,
    /// Encrypted and waiting for the passphrase.
    pub locked: bool,
    /// Discreet mode: neutral words on screen, in the title and in notifications.
    pub discreet: bool,
    /// A test build (its identifier ends in `.test`): the UI then lets tests
    /// speed up its timers. A user's build never does.
    pub test_build: bool,
    /// The computer's language (`en` or `es`) from its locale variables, for
    /// the UI's "same as my computer".
    pub system_language: steady_core::Language,
    /// An operation a stop interrupted, finished or rolled back at this start.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub recovered: Option<steady_core::Recovery>,
}

impl StoreSlot {
    pub fn new(launch: Launch) -> StoreSlot {
        StoreSlot {
            launch,
            opened: OnceCell::new(),
        }
    }

    /// Where a test build writes exports (never set in a user's build).
    pub fn test_export_dir<R: Runtime>(&self, app: &AppHandle<R>) -> Option<PathBuf> {
        if is_test_build(app) {
            self.launch.test_export_dir.clone()
        } else {
            None
        }
    }

    /// The data folder: the one asked for at launch, or the platform's.
    pub fn data_dir<R: Runtime>(&self, app: &AppHandle<R>) -> Result<PathBuf, IpcError> {
        match &self.launch.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => app
                .path()
                .app_data_dir()
                .map_err(|e| IpcError::unavailable(format!("no app data folder: {e}"))),
        }
    }

    async fn opened<R: Runtime>(&self, app: &AppHandle<R>) -> &Opened {
        self.opened
            .get_or_init(|| async {
                let dir = match self.data_dir(app) {
                    Ok(dir) => dir,
                    Err(error) => {
                        return Opened {
                            db_path: PathBuf::new(),
                            store: Err(error),
                        };
                    }
                };
                let db_path = dir.join(steady_core::DATABASE_FILE_NAME);
                let slow = test_slow_open(app);
                let store = tauri::async_runtime::spawn_blocking(move || {
                    if let Some(wait) = slow {
                        std::thread::sleep(wait);
                    }
                    open_store(dir)
                })
                .await
                .unwrap_or_else(|e| Err(IpcError::internal(format!("open task failed: {e}"))));
                Opened { db_path, store }
            })
            .await
    }

    /// The store once opening is done (it may be locked), without waiting:
    /// for code on the main thread.
    pub fn loaded(&self) -> Option<Arc<Store>> {
        self.opened.get().and_then(|o| o.store.clone().ok())
    }

    /// The store, or why it could not be opened.
    pub async fn store<R: Runtime>(&self, app: &AppHandle<R>) -> Result<Arc<Store>, IpcError> {
        self.opened(app).await.store.clone()
    }

    /// The store, refused while locked: for commands that change files or
    /// the desktop without going through the encrypted data (which refuses
    /// by itself), so nothing changes until the passphrase is given.
    pub async fn unlocked_store<R: Runtime>(
        &self,
        app: &AppHandle<R>,
    ) -> Result<Arc<Store>, IpcError> {
        let store = self.store(app).await?;
        if store.is_locked() {
            return Err(IpcError::from(steady_core::Error::AppLocked));
        }
        Ok(store)
    }

    pub async fn status<R: Runtime>(&self, app: &AppHandle<R>) -> AppStatus {
        let opened = self.opened(app).await;
        AppStatus {
            ready: opened.store.is_ok(),
            db_path: opened.db_path.display().to_string(),
            error: opened.store.as_ref().err().cloned(),
            encrypted: opened.store.as_ref().is_ok_and(|s| s.is_encrypted()),
            locked: opened.store.as_ref().is_ok_and(|s| s.is_locked()),
            discreet: opened
                .store
                .as_ref()
                .is_ok_and(|s| s.read(|dao| dao.discreet_notifications()).unwrap_or(false)),
            test_build: is_test_build(app),
            system_language: steady_core::language_from_env(|name| std::env::var(name).ok()),
            recovered: opened.store.as_ref().ok().and_then(|s| s.recovered()),
        }
    }
}

/// A test build (its own app identifier, tauri.conf.test.json): the only
/// build that honours the test switches.
pub fn is_test_build<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.config().identifier.ends_with(".test")
}

/// Test builds only: `STEADY_TEST_SLOW_OPEN_MS` makes opening the data file
/// wait that long first (at most a minute), so an end-to-end test can act
/// before any data has answered. A user's build never reads it.
fn test_slow_open<R: Runtime>(app: &AppHandle<R>) -> Option<std::time::Duration> {
    if !is_test_build(app) {
        return None;
    }
    let ms: u64 = std::env::var("STEADY_TEST_SLOW_OPEN_MS")
        .ok()?
        .parse()
        .ok()?;
    Some(std::time::Duration::from_millis(ms.min(60_000)))
}

fn open_store(dir: PathBuf) -> Result<Arc<Store>, IpcError> {
    Ok(Arc::new(Store::open_data_folder(&dir)?))
}

/// Runs `f` on the blocking pool, so the window never waits on SQLite or the disk.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(format!("background task failed: {e}")))?
}

/// Runs a core call on the open store, on the blocking pool.
pub async fn with_store<R, T, F>(slot: &StoreSlot, app: &AppHandle<R>, f: F) -> Result<T, IpcError>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&Store) -> steady_core::Result<T> + Send + 'static,
{
    let store = slot.store(app).await?;
    blocking(move || f(&store).map_err(IpcError::from)).await
}
