use steady_core::{Insights, SystemZone, local_today};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

/// The Progress tab's numbers for the last `days` days (all when absent).
#[tauri::command]
pub async fn get_insights<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    days: Option<i64>,
) -> Result<Insights, IpcError> {
    with_store(&slot, &app, move |s| {
        s.read(|dao| dao.insights_for(days, local_today(), &SystemZone))
    })
    .await
}
