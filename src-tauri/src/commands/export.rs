//! Saving the plan as a file. The web view never names a path: the save
//! dialog is opened from here, and the file is written here.

use std::io::Write;
use std::path::{Path, PathBuf};

use steady_core::{SystemZone, local_today, plan_html};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

/// Writes `contents` to `path` whole or not at all: a temp file beside it,
/// synced, then renamed over.
fn write_whole(path: &Path, contents: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("html.part");
    {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

/// Asks where to save `html` (or uses the test build's folder) and saves it.
/// Returns the path, or `None` when the user cancelled.
async fn save_html<R: Runtime>(
    app: &AppHandle<R>,
    slot: &StoreSlot,
    name: String,
    title: &'static str,
    html: String,
) -> Result<Option<String>, IpcError> {
    let target: Option<PathBuf> = match slot.test_export_dir(app) {
        Some(dir) => Some(dir.join(&name)),
        None => {
            let dialog = app.dialog().clone();
            tauri::async_runtime::spawn_blocking(move || {
                dialog
                    .file()
                    .set_title(title)
                    .set_file_name(&name)
                    .add_filter("Web page", &["html"])
                    .blocking_save_file()
                    .and_then(|p| p.into_path().ok())
            })
            .await
            .map_err(|e| IpcError::internal(format!("dialog task failed: {e}")))?
        }
    };
    let Some(path) = target else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    tauri::async_runtime::spawn_blocking(move || write_whole(&path, &html))
        .await
        .map_err(|e| IpcError::internal(format!("write task failed: {e}")))?
        .map_err(|e| IpcError::new("storage", format!("could not save the file: {e}")))?;
    Ok(Some(shown))
}

/// Builds the plan file from the chosen sections, asks where to save it, and
/// saves it. Returns the path, or `None` when the user cancelled.
#[tauri::command]
pub async fn export_plan<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    sections: Vec<String>,
) -> Result<Option<String>, IpcError> {
    let html = with_store(&slot, &app, move |store| {
        store.read(|dao| {
            let plan = dao.plan(local_today())?;
            let number = dao.settings()?.emergency_number;
            plan_html(&plan, &sections, &number, local_today())
        })
    })
    .await?;
    let name = format!("steady-plan-{}.html", local_today().format("%Y-%m-%d"));
    save_html(&app, &slot, name, "Save my plan", html).await
}

/// The counselor report's sections, for a preview in the app.
#[tauri::command]
pub async fn preview_report<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    days: Option<i64>,
    sections: Vec<String>,
) -> Result<String, IpcError> {
    with_store(&slot, &app, move |store| {
        store.read(|dao| dao.report(days, &sections, local_today(), &SystemZone))
    })
    .await
    .map(|r| r.body)
}

/// Saves the counselor report as one self-contained file.
#[tauri::command]
pub async fn save_report<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    days: Option<i64>,
    sections: Vec<String>,
) -> Result<Option<String>, IpcError> {
    let report = with_store(&slot, &app, move |store| {
        store.read(|dao| dao.report(days, &sections, local_today(), &SystemZone))
    })
    .await?;
    let name = format!("steady-report-{}.html", local_today().format("%Y-%m-%d"));
    save_html(&app, &slot, name, "Save the report", report.html).await
}

/// Opens the system's print dialog for what the window shows (the print
/// stylesheet keeps only the page's own content).
#[tauri::command]
pub async fn print_page<R: Runtime>(window: tauri::WebviewWindow<R>) -> Result<(), IpcError> {
    window
        .print()
        .map_err(|e| IpcError::new("unavailable", format!("printing isn't available here: {e}")))
}
