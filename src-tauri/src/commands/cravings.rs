use chrono::Utc;
use steady_core::{Craving, CravingFilter, CravingInput, CravingPage, PageCursor, SystemZone};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

/// Saves a craving event: new when `id` is absent, else updates event `id`.
#[tauri::command]
pub async fn save_craving<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: Option<i64>,
    input: CravingInput,
) -> Result<Craving, IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.save_craving(id, &input, Utc::now(), &SystemZone))
    })
    .await
}

#[tauri::command]
pub async fn get_craving<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
) -> Result<Craving, IpcError> {
    with_store(&slot, &app, move |store| store.read(|dao| dao.craving(id))).await
}

#[tauri::command]
pub async fn delete_craving<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.delete_craving(id))
    })
    .await
}

/// A page of the Log, newest first.
#[tauri::command]
pub async fn list_cravings<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    filter: CravingFilter,
    after: Option<PageCursor>,
    limit: u32,
) -> Result<CravingPage, IpcError> {
    with_store(&slot, &app, move |store| {
        store.read(|dao| dao.list_cravings(&filter, after.as_ref(), limit))
    })
    .await
}
