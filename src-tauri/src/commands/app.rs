use tauri::{AppHandle, Runtime, State};

use crate::state::{AppStatus, StoreSlot};

/// Opens the store if it is not open yet and says whether it worked, and where
/// the file is. The UI calls this first; it shows an error screen when not ready.
#[tauri::command]
pub async fn app_status<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<AppStatus, ()> {
    Ok(slot.status(&app).await)
}
