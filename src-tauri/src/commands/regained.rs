//! What came back (money and time) and gentle milestones. Thin: the rules
//! are in steady-core's regained module.

use steady_core::{CostInput, RegainedView, local_today};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

#[tauri::command]
pub async fn regained_view<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<RegainedView, IpcError> {
    with_store(&slot, &app, |s| {
        s.read(|dao| dao.regained_view(local_today()))
    })
    .await
}

#[tauri::command]
pub async fn set_cost<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    input: CostInput,
) -> Result<RegainedView, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| {
            dao.set_cost(&input)?;
            dao.regained_view(local_today())
        })
    })
    .await
}

#[tauri::command]
pub async fn set_milestones_on<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    on: bool,
) -> Result<RegainedView, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| {
            dao.set_milestones_on(on)?;
            dao.regained_view(local_today())
        })
    })
    .await
}

#[tauri::command]
pub async fn note_milestone<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    milestone: i64,
) -> Result<(), IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.note_milestone(milestone))
    })
    .await
}
