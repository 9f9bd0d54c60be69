//! The weekly warning-signs check. Thin: the rules (the questions, "compared
//! with your usual", when it comes due) are in steady-core's weekly module.

use steady_core::{
    HISTORY_WEEKS, WeeklyHistory, WeeklyInput, WeeklyResult, WeeklySettings, WeeklyView,
    local_today,
};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

#[tauri::command]
pub async fn weekly_view<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<WeeklyView, IpcError> {
    with_store(&slot, &app, |s| {
        s.read(|dao| dao.weekly_view(local_today()))
    })
    .await
}

#[tauri::command]
pub async fn save_weekly_check<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    input: WeeklyInput,
) -> Result<WeeklyResult, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| dao.save_weekly_check(&input, local_today()))
    })
    .await
}

#[tauri::command]
pub async fn set_weekly_settings<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    settings: WeeklySettings,
) -> Result<WeeklyView, IpcError> {
    with_store(&slot, &app, move |s| {
        s.write(|dao| {
            dao.set_weekly_settings(&settings)?;
            dao.weekly_view(local_today())
        })
    })
    .await
}

#[tauri::command]
pub async fn skip_weekly_check<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<WeeklyView, IpcError> {
    with_store(&slot, &app, |s| {
        s.write(|dao| {
            let today = local_today();
            dao.skip_weekly_check(today)?;
            dao.weekly_view(today)
        })
    })
    .await
}

#[tauri::command]
pub async fn weekly_history<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<WeeklyHistory, IpcError> {
    with_store(&slot, &app, |s| {
        s.read(|dao| dao.weekly_history(None, local_today(), HISTORY_WEEKS))
    })
    .await
}
