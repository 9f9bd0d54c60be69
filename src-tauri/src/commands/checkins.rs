use steady_core::{Checkin, CheckinDay, CheckinInput, CheckinView, local_today};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

/// The check-in and draft for `day` (today when absent), and today's date.
#[tauri::command]
pub async fn get_checkin_view<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    day: Option<String>,
) -> Result<CheckinView, IpcError> {
    with_store(&slot, &app, move |store| {
        store.read(|dao| dao.checkin_view(day.as_deref(), local_today()))
    })
    .await
}

#[tauri::command]
pub async fn save_checkin<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    input: CheckinInput,
) -> Result<Checkin, IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.save_checkin(&input, local_today()))
    })
    .await
}

#[tauri::command]
pub async fn delete_checkin<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    day: String,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.delete_checkin(&day))
    })
    .await
}

#[tauri::command]
pub async fn list_checkin_days<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    from: String,
    to: String,
) -> Result<Vec<CheckinDay>, IpcError> {
    with_store(&slot, &app, move |store| {
        store.read(|dao| dao.checkin_days(&from, &to))
    })
    .await
}

#[tauri::command]
pub async fn save_checkin_draft<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    draft: CheckinInput,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.save_checkin_draft(&draft, local_today()))
    })
    .await
}

#[tauri::command]
pub async fn clear_checkin_draft<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    day: String,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |store| {
        store.write(|dao| dao.clear_checkin_draft(&day))
    })
    .await
}
