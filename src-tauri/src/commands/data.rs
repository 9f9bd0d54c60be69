//! The user's data as files they own: export (JSON, sealed JSON, CSV),
//! import, backups (automatic and on demand), restore, and delete all.
//! Paths never come from the web view: files are chosen in dialogs opened
//! here, backups are named by their file name inside the backups folder.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{Local, Utc};
use serde::Serialize;
use steady_core::{
    Backup, BackupReason, Choice, CsvKind, ImportFile, ImportSummary, KeepDay, MoodFile,
    MoodFileView, MoodImportSummary, MoodPreview, Store, inspect_import, list_backups, local_today,
    preview_moods, read_backup_result, read_daylio_file, read_import, save_sealed_export,
};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use zeroize::Zeroizing;

use super::export::{choose_save_path, save_as};
use crate::error::IpcError;
use crate::state::{StoreSlot, blocking};

/// The file chosen for import, waiting for its passphrase or a go-ahead.
#[derive(Debug, Default)]
pub struct DataFiles {
    picked: Mutex<Option<PathBuf>>,
    /// A mood app's export, read, waiting for its mapping and a go-ahead.
    moods: Mutex<Option<MoodFile>>,
}

fn backups_dir<R: Runtime>(slot: &StoreSlot, app: &AppHandle<R>) -> Result<PathBuf, IpcError> {
    Ok(slot.data_dir(app)?.join(steady_core::BACKUPS_DIR))
}

/// Makes a backup when one is due for `reason`, and records how it went
/// (see steady-core). Blocking; the callers run it off the main thread (or at exit).
pub fn back_up_if_due<R: Runtime>(
    app: &AppHandle<R>,
    store: &Store,
    reason: BackupReason,
) -> Result<Option<Backup>, IpcError> {
    let data = app.state::<StoreSlot>().data_dir(app)?;
    Ok(store.back_up_if_due(&data, reason, Utc::now(), &Local)?)
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    pub dir: String,
    /// Newest first.
    pub backups: Vec<Backup>,
    pub last: Option<steady_core::BackupResult>,
}

#[tauri::command]
pub async fn backup_status<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<BackupStatus, IpcError> {
    let data = slot.data_dir(&app)?;
    let dir = backups_dir(&slot, &app)?;
    tauri::async_runtime::spawn_blocking(move || {
        Ok(BackupStatus {
            backups: list_backups(&dir)?,
            dir: dir.display().to_string(),
            last: read_backup_result(&data),
        })
    })
    .await
    .map_err(|e| IpcError::internal(format!("background task failed: {e}")))?
}

#[tauri::command]
pub async fn back_up_now<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Option<Backup>, IpcError> {
    // Locked, a backup can't be read from the data: say so rather than "nothing due".
    let store = slot.unlocked_store(&app).await?;
    let handle = app.clone();
    blocking(move || back_up_if_due(&handle, &store, BackupReason::Now)).await
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// Where the data from before the restore was kept.
    pub kept_aside: String,
    /// An encrypted backup opens locked: unlock with its passphrase.
    pub locked: bool,
}

/// Restores the backup named `name` (a file name in the backups folder).
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    name: String,
) -> Result<Restored, IpcError> {
    let dir = backups_dir(&slot, &app)?;
    let chosen = list_backups(&dir)?
        .into_iter()
        .find(|b| b.name == name)
        .ok_or_else(|| {
            IpcError::validation("backup", "That backup isn't in the backups folder.")
        })?;
    let store = slot.store(&app).await?;
    let handle = app.clone();
    blocking(move || {
        let aside = store.restore_from(std::path::Path::new(&chosen.path), Utc::now())?;
        crate::window::apply_title(&handle);
        Ok(Restored {
            kept_aside: aside.display().to_string(),
            locked: store.is_locked(),
        })
    })
    .await
}

/// Exports everything as JSON, sealed with `passphrase` when one is given.
/// Returns the path, or `None` when the user cancelled the dialog.
#[tauri::command]
pub async fn export_all<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    passphrase: Option<String>,
) -> Result<Option<String>, IpcError> {
    let passphrase = passphrase.map(Zeroizing::new);
    if let Some(p) = &passphrase {
        steady_core::check_passphrase(p)?;
    }
    let store = slot.store(&app).await?;
    let json = blocking(move || {
        let value = store.read(|dao| dao.export_all(&steady_core::format_instant(Utc::now())))?;
        serde_json::to_string_pretty(&value)
            .map_err(|e| IpcError::internal(format!("could not write the export: {e}")))
    })
    .await?;
    let day = local_today().format("%Y-%m-%d");
    match passphrase {
        None => {
            save_as(
                &app,
                &slot,
                format!("steady-export-{day}.json"),
                crate::window::say(&app, "exportAll"),
                (crate::window::say(&app, "steadyExport"), "json"),
                json.into_bytes(),
            )
            .await
        }
        Some(passphrase) => {
            let Some(path) = choose_save_path(
                &app,
                &slot,
                format!("steady-export-{day}.steady"),
                crate::window::say(&app, "exportSealed"),
                (crate::window::say(&app, "sealedExport"), "steady"),
            )
            .await?
            else {
                return Ok(None);
            };
            let shown = path.display().to_string();
            blocking(move || {
                // Sealed beside the target, then renamed: whole or not at all.
                Ok(save_sealed_export(&json, &passphrase, &path)?)
            })
            .await?;
            Ok(Some(shown))
        }
    }
}

/// Exports one kind as CSV for a spreadsheet.
#[tauri::command]
pub async fn export_csv<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    kind: String,
) -> Result<Option<String>, IpcError> {
    let kind = CsvKind::parse_kind(&kind)?;
    let store = slot.store(&app).await?;
    let csv = blocking(move || Ok(store.read(|dao| dao.csv(kind))?)).await?;
    let name = format!(
        "steady-{}-{}.csv",
        kind.file_word(),
        local_today().format("%Y-%m-%d")
    );
    save_as(
        &app,
        &slot,
        name,
        crate::window::say(&app, "spreadsheet"),
        ("CSV", "csv"),
        csv.into_bytes(),
    )
    .await
}

/// Asks which file to bring in (or, in a test build only, takes `test_path`).
/// `None` when the person cancelled. The web view never names a path.
async fn pick_file<R: Runtime>(
    app: &AppHandle<R>,
    test_path: Option<String>,
    title: &'static str,
    filter: (&'static str, &'static [&'static str]),
) -> Result<Option<PathBuf>, IpcError> {
    let test_build = crate::state::is_test_build(app);
    if let Some(p) = test_path.filter(|_| test_build) {
        return Ok(Some(PathBuf::from(p)));
    }
    let dialog = app.dialog().clone();
    tauri::async_runtime::spawn_blocking(move || {
        dialog
            .file()
            .set_title(title)
            .add_filter(filter.0, filter.1)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|e| IpcError::internal(format!("dialog task failed: {e}")))
}

/// Opens the file dialog for an import and checks the file's size and kind.
/// Test builds may name the file (`test_path`); a user's build ignores it.
#[tauri::command]
pub async fn pick_import<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    files: State<'_, Arc<DataFiles>>,
    test_path: Option<String>,
) -> Result<Option<ImportFile>, IpcError> {
    // Nothing is brought in while locked: the import needs the data open.
    slot.unlocked_store(&app).await?;
    let filter = (
        crate::window::say(&app, "steadyExport"),
        &["json", "steady"][..],
    );
    let title = crate::window::say(&app, "importExport");
    let Some(path) = pick_file(&app, test_path, title, filter).await? else {
        return Ok(None);
    };
    // What the file is, from its size and first bytes (the core refuses one
    // too big or not an export before reading it).
    let file = blocking({
        let path = path.clone();
        move || Ok(inspect_import(&path)?)
    })
    .await?;
    if let Ok(mut picked) = files.picked.lock() {
        *picked = Some(path);
    }
    Ok(Some(file))
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub summary: ImportSummary,
    /// The backup made just before.
    pub backup: Backup,
}

/// Imports the picked file (with its passphrase when sealed): checked whole,
/// a backup first, then one transaction.
#[tauri::command]
pub async fn import_picked<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    files: State<'_, Arc<DataFiles>>,
    passphrase: Option<String>,
) -> Result<Imported, IpcError> {
    let passphrase = passphrase.map(Zeroizing::new);
    let path = files
        .picked
        .lock()
        .ok()
        .and_then(|p| p.clone())
        .ok_or_else(|| IpcError::validation("file", "Choose a file to import first."))?;
    let store = slot.store(&app).await?;
    let backups = backups_dir(&slot, &app)?;
    let files = files.inner().clone();
    blocking(move || {
        let export = read_import(&path, passphrase.as_ref().map(|p| p.as_str()))?;
        let (summary, backup) = store.import_with_backup(&export, &backups, Utc::now(), &Local)?;
        if let Ok(mut picked) = files.picked.lock() {
            *picked = None;
        }
        Ok(Imported { summary, backup })
    })
    .await
}

/// Opens the file dialog for a mood app's export (Daylio's CSV) and reads it.
/// Test builds may name the file (`test_path`); a user's build ignores it.
#[tauri::command]
pub async fn pick_mood_file<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    files: State<'_, Arc<DataFiles>>,
    test_path: Option<String>,
) -> Result<Option<MoodFileView>, IpcError> {
    slot.unlocked_store(&app).await?;
    let title = crate::window::say(&app, "importMoods");
    let Some(path) = pick_file(&app, test_path, title, ("CSV", &["csv"][..])).await? else {
        return Ok(None);
    };
    let file = blocking(move || Ok(read_daylio_file(&path)?)).await?;
    let view = file.view();
    if let Ok(mut moods) = files.moods.lock() {
        *moods = Some(file);
    }
    Ok(Some(view))
}

fn picked_moods(files: &DataFiles) -> Result<MoodFile, IpcError> {
    files
        .moods
        .lock()
        .ok()
        .and_then(|m| m.clone())
        .ok_or_else(|| IpcError::validation("file", "Choose a file to bring in first."))
}

/// The days the picked file would bring in with `mapping` (mood name ->
/// Steady mood 1-5), and how many are already checked in here.
#[tauri::command]
pub async fn preview_mood_import<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    files: State<'_, Arc<DataFiles>>,
    mapping: BTreeMap<String, u8>,
) -> Result<MoodPreview, IpcError> {
    let file = picked_moods(&files)?;
    let store = slot.store(&app).await?;
    blocking(move || Ok(store.read(|dao| dao.mood_preview(&file, &mapping))?)).await
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoodsImported {
    pub summary: MoodImportSummary,
    /// The backup made just before.
    pub backup: Backup,
}

/// Brings the picked file's days in with `mapping`; a day already checked in
/// follows `keep` ("mine" or "imported"). A backup first, then one transaction.
#[tauri::command]
pub async fn import_mood_file<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    files: State<'_, Arc<DataFiles>>,
    mapping: BTreeMap<String, u8>,
    keep: String,
) -> Result<MoodsImported, IpcError> {
    let keep = KeepDay::parse("keep", &keep, "Choose keep mine or keep imported.")?;
    let file = picked_moods(&files)?;
    let store = slot.unlocked_store(&app).await?;
    let backups = backups_dir(&slot, &app)?;
    let files = files.inner().clone();
    blocking(move || {
        let preview = preview_moods(&file, &mapping)?;
        let (summary, backup) =
            store.import_moods_with_backup(&preview.days, keep, &backups, Utc::now(), &Local)?;
        if let Ok(mut moods) = files.moods.lock() {
            *moods = None;
        }
        Ok(MoodsImported { summary, backup })
    })
    .await
}

/// Deletes everything (see steady-core's erase), the backups too when asked,
/// and the web view's own storage; Steady then starts as on its first day.
#[tauri::command]
pub async fn delete_all_data<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    confirm: String,
    include_backups: bool,
) -> Result<(), IpcError> {
    let store = slot.store(&app).await?;
    let data = slot.data_dir(&app)?;
    let handle = app.clone();
    blocking(move || {
        let backups = data.join(steady_core::BACKUPS_DIR);
        store.delete_everything(&confirm, include_backups.then_some(backups.as_path()))?;
        // WebKit's storage (the theme and number mirror); the page clears
        // its own copy first.
        steady_core::forget_webview_storage(&data);
        crate::window::apply_title(&handle);
        Ok(())
    })
    .await
}
