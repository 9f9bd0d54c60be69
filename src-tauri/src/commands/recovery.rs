use steady_core::{Counters, Lapse, LapseInput, local_today};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

/// The counters for today; `None` until a recovery start date is set.
#[tauri::command]
pub async fn get_counters<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Option<Counters>, IpcError> {
    with_store(&slot, &app, |s| s.read(|dao| dao.counters(local_today()))).await
}

#[tauri::command]
pub async fn set_recovery_start<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    day: String,
) -> Result<Option<Counters>, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| {
            dao.set_recovery_start(&day, local_today())?;
            dao.counters(local_today())
        })
    })
    .await
}

#[tauri::command]
pub async fn list_lapses<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Vec<Lapse>, IpcError> {
    with_store(&slot, &app, |s| s.read(|dao| dao.lapses())).await
}

#[tauri::command]
pub async fn save_lapse<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: Option<i64>,
    input: LapseInput,
) -> Result<Lapse, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.save_lapse(id, &input, local_today()))
    })
    .await
}

#[tauri::command]
pub async fn delete_lapse<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| s.write(|dao| dao.delete_lapse(id))).await
}
