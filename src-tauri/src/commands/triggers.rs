use steady_core::Trigger;
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

#[tauri::command]
pub async fn list_triggers<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    include_archived: bool,
) -> Result<Vec<Trigger>, IpcError> {
    with_store(&slot, &app, move |store| {
        store.read(|dao| dao.triggers(include_archived))
    })
    .await
}

#[tauri::command]
pub async fn create_trigger<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    name: String,
    category: Option<String>,
) -> Result<Trigger, IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.create_trigger(&name, category.as_deref()))
    })
    .await
}

#[tauri::command]
pub async fn rename_trigger<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
    name: String,
) -> Result<Trigger, IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.rename_trigger(id, &name))
    })
    .await
}

#[tauri::command]
pub async fn archive_trigger<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
    archived: bool,
) -> Result<Trigger, IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.set_trigger_archived(id, archived))
    })
    .await
}

/// Moves every event of trigger `from` to `into`, then removes `from`.
#[tauri::command]
pub async fn merge_triggers<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    from: i64,
    into: i64,
) -> Result<Trigger, IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.merge_triggers(from, into))
    })
    .await
}
