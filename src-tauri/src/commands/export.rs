//! Saving the plan as a file. The web view never names a path: the save
//! dialog is opened from here, and the file is written here.

use std::path::PathBuf;

use steady_core::{SystemZone, local_today, plan_file, plan_pdf, system_zone_name, wallet_pdf};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;
use crate::state::{StoreSlot, with_store};

/// Asks where to save a file (or uses the test build's folder). `None` when
/// the user cancelled. The web view never names a path.
pub(crate) async fn choose_save_path<R: Runtime>(
    app: &AppHandle<R>,
    slot: &StoreSlot,
    name: String,
    title: &'static str,
    filter: (&'static str, &'static str),
) -> Result<Option<PathBuf>, IpcError> {
    match slot.test_export_dir(app) {
        Some(dir) => Ok(Some(dir.join(&name))),
        None => {
            let dialog = app.dialog().clone();
            tauri::async_runtime::spawn_blocking(move || {
                dialog
                    .file()
                    .set_title(title)
                    .set_file_name(&name)
                    .add_filter(filter.0, &[filter.1])
                    .blocking_save_file()
                    .and_then(|p| p.into_path().ok())
            })
            .await
            .map_err(|e| IpcError::internal(format!("dialog task failed: {e}")))
        }
    }
}

/// Asks where to save `contents` and saves it whole. Returns the path, or
/// `None` when the user cancelled.
pub(crate) async fn save_as<R: Runtime>(
    app: &AppHandle<R>,
    slot: &StoreSlot,
    name: String,
    title: &'static str,
    filter: (&'static str, &'static str),
    contents: Vec<u8>,
) -> Result<Option<String>, IpcError> {
    let Some(path) = choose_save_path(app, slot, name, title, filter).await? else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    tauri::async_runtime::spawn_blocking(move || steady_core::write_whole(&path, &contents))
        .await
        .map_err(|e| IpcError::internal(format!("write task failed: {e}")))?
        .map_err(IpcError::not_saved_there)?;
    Ok(Some(shown))
}

async fn save_html<R: Runtime>(
    app: &AppHandle<R>,
    slot: &StoreSlot,
    name: String,
    title: &'static str,
    html: String,
) -> Result<Option<String>, IpcError> {
    save_as(
        app,
        slot,
        name,
        title,
        (crate::window::say(app, "webPage"), "html"),
        html.into_bytes(),
    )
    .await
}

/// Builds the plan file from the chosen sections, asks where to save it, and
/// saves it. Returns the path, or `None` when the user cancelled.
#[tauri::command]
pub async fn save_plan_file<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    sections: Vec<String>,
) -> Result<Option<String>, IpcError> {
    let html = with_store(&slot, &app, move |store| {
        store.read(|dao| {
            let plan = dao.plan(local_today())?;
            let number = dao.settings()?.emergency_number;
            plan_file(&plan, &sections, &number, local_today(), dao.language()?)
        })
    })
    .await?;
    let name = format!("steady-plan-{}.html", local_today().format("%Y-%m-%d"));
    let title = crate::window::say(&app, "savePlan");
    save_html(&app, &slot, name, title, html).await
}

async fn save_pdf<R: Runtime>(
    app: &AppHandle<R>,
    slot: &StoreSlot,
    name: String,
    title: &'static str,
    bytes: Vec<u8>,
) -> Result<Option<String>, IpcError> {
    let filter = (crate::window::say(app, "pdfFile"), "pdf");
    save_as(app, slot, name, title, filter, bytes).await
}

/// The plan's chosen sections as a PDF on the paper set in Settings, saved
/// where the person chooses. Returns the path, or `None` when cancelled.
#[tauri::command]
pub async fn save_plan_pdf<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    sections: Vec<String>,
) -> Result<Option<String>, IpcError> {
    let bytes = with_store(&slot, &app, move |store| {
        store.read(|dao| {
            let plan = dao.plan(local_today())?;
            let settings = dao.settings()?;
            plan_pdf(
                &plan,
                &sections,
                &settings.emergency_number,
                local_today(),
                dao.language()?,
                settings.paper,
            )
        })
    })
    .await?;
    let name = format!("steady-plan-{}.pdf", local_today().format("%Y-%m-%d"));
    let title = crate::window::say(&app, "savePlan");
    save_pdf(&app, &slot, name, title, bytes).await
}

/// The wallet card as a PDF: both sides side by side, to cut out and fold.
#[tauri::command]
pub async fn save_wallet_pdf<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Option<String>, IpcError> {
    let bytes = with_store(&slot, &app, move |store| {
        store.read(|dao| {
            let plan = dao.plan(local_today())?;
            let settings = dao.settings()?;
            wallet_pdf(
                &plan,
                &settings.emergency_number,
                dao.language()?,
                settings.paper,
            )
        })
    })
    .await?;
    let title = crate::window::say(&app, "saveWallet");
    save_pdf(
        &app,
        &slot,
        "steady-wallet-card.pdf".to_owned(),
        title,
        bytes,
    )
    .await
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
    let title = crate::window::say(&app, "saveReport");
    save_html(&app, &slot, name, title, report.html).await
}

/// Saves the counselor report as a PDF on the paper set in Settings.
#[tauri::command]
pub async fn save_report_pdf<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
    days: Option<i64>,
    sections: Vec<String>,
) -> Result<Option<String>, IpcError> {
    let bytes = with_store(&slot, &app, move |store| {
        store.read(|dao| {
            let paper = dao.settings()?.paper;
            dao.report_pdf(days, &sections, local_today(), &SystemZone, paper)
        })
    })
    .await?;
    let name = format!("steady-report-{}.pdf", local_today().format("%Y-%m-%d"));
    let title = crate::window::say(&app, "saveReport");
    save_pdf(&app, &slot, name, title, bytes).await
}

/// Saves the calendar file (appointments, medicine times, injection and
/// refill dates) for the person's own calendar app. Returns the path, or
/// `None` when the user cancelled.
#[tauri::command]
pub async fn save_calendar_file<R: Runtime>(
    app: AppHandle<R>,
    slot: State<'_, StoreSlot>,
) -> Result<Option<String>, IpcError> {
    let text = with_store(&slot, &app, move |store| {
        store.read(|dao| {
            dao.calendar_file(
                &system_zone_name(),
                &SystemZone,
                local_today(),
                chrono::Utc::now(),
            )
        })
    })
    .await?;
    let title = crate::window::say(&app, "saveCalendar");
    let filter = (crate::window::say(&app, "calendarFile"), "ics");
    // One name: saving again replaces the file, and a calendar app that
    // imports it again updates the same events (their UIDs are stable).
    save_as(
        &app,
        &slot,
        "steady-calendar.ics".to_owned(),
        title,
        filter,
        text.into_bytes(),
    )
    .await
}

/// Opens the system's print dialog for what the window shows (the print
/// stylesheet keeps only the page's own content).
#[tauri::command]
pub async fn print_page<R: Runtime>(window: tauri::WebviewWindow<R>) -> Result<(), IpcError> {
    window
        .print()
        .map_err(|e| IpcError::unavailable(format!("printing isn't available here: {e}")))
}
