use steady_core::{Settings, SettingsPatch};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

#[tauri::command]
pub async fn get_settings<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Settings, IpcError> {
    with_store(&slot, &app, |store| store.read(|dao| dao.settings())).await
}

#[tauri::command]
pub async fn update_settings<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    patch: SettingsPatch,
) -> Result<Settings, IpcError> {
    let language_changed = patch.language.is_some();
    let saved = with_store(&slot, &app, move |store| {
        store.write(|dao| dao.update_settings(&patch))
    })
    .await?;
    if language_changed {
        // The desktop's own words follow: the neutral title and the tray menu.
        crate::window::apply_title(&app);
        crate::tray::relabel(&app);
    }
    Ok(saved)
}
