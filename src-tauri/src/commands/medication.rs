//! Medication: set up as the prescriber set it, log each dose, see Today's
//! notes. Thin: every rule is in steady-core's medication module.

use chrono::Utc;
use steady_core::{
    Dose, DoseInput, Medicine, MedicineInput, MedicineToday, SystemZone, local_today,
};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

#[tauri::command]
pub async fn list_medicines<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    include_stopped: bool,
) -> Result<Vec<Medicine>, IpcError> {
    with_store(&slot, &app, move |s| {
        s.read(|dao| dao.medicines(include_stopped))
    })
    .await
}

#[tauri::command]
pub async fn save_medicine<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: Option<i64>,
    input: MedicineInput,
) -> Result<Medicine, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.save_medicine(id, &input, local_today()))
    })
    .await
}

#[tauri::command]
pub async fn stop_medicine<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
    day: Option<String>,
    planned: bool,
) -> Result<Medicine, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.stop_medicine(id, day.as_deref(), planned, local_today()))
    })
    .await
}

#[tauri::command]
pub async fn restart_medicine<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    id: i64,
    day: Option<String>,
) -> Result<Medicine, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.restart_medicine(id, day.as_deref(), local_today()))
    })
    .await
}

#[tauri::command]
pub async fn log_dose<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    input: DoseInput,
) -> Result<Dose, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.log_dose(&input, Utc::now(), &SystemZone))
    })
    .await
}

/// Each current medicine as Today shows it.
#[tauri::command]
pub async fn medication_today<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Vec<MedicineToday>, IpcError> {
    with_store(&slot, &app, |s| {
        s.read(|dao| dao.medication_today(local_today()))
    })
    .await
}
